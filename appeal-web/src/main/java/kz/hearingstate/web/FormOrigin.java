package kz.hearingstate.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a refused form post may have its text given back: only on Spring Security's forward of the refusal, and
 * only when the browser says the post came from a page of this same site ({@code Sec-Fetch-Site: same-origin}, which
 * every current browser sends and no page can forge). A post from another site, or a link to the refusal page, gets
 * nothing back, so no one can put words of theirs on the platform's pages for staff or citizens to send as their own.
 */
public final class FormOrigin {

    private FormOrigin() {
    }

    public static boolean mayGiveBack(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.FORWARD
                && "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }
}
