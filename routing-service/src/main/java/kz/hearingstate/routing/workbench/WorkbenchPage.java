package kz.hearingstate.routing.workbench;

import kz.hearingstate.routing.workflow.ActionNotAllowedException;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every workbench controller shares: pages, not problem+json, for "not found" (a missing appeal and one
 * the user may not see get the same page, so a URL tells nothing), and the signed-in user for every page's
 * header. Handlers of the controller itself, so they come before the API's problem advice.
 */
abstract class WorkbenchPage {

    @ExceptionHandler({AppealNotFoundException.class, ActionNotAllowedException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound() {
        return "workbench/not-found";
    }

    @ModelAttribute("me")
    public StaffUser me() {
        return signedIn();
    }

    /** The signed-in staff member, or null. */
    static StaffUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        try {
            return StaffUser.of(authentication);
        } catch (IllegalStateException e) {
            return null; // anonymous, or an SSO user without a workbench role
        }
    }
}
