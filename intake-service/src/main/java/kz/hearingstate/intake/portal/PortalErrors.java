package kz.hearingstate.intake.portal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemResponses;
import kz.hearingstate.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the portal's pages answer when a request cannot go on: a page in the person's language, never a
 * problem document or a stack trace. An unknown private link reads like any missing page (404).
 */
@ControllerAdvice(assignableTypes = PortalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);
    /** A request attribute: what the citizen wrote in a form whose page a refusal cannot draw again. */
    static final String KEPT_TEXT = PortalErrors.class.getName() + ".kept";

    private final ProblemResponses messages;
    private final PortalProperties properties;

    PortalErrors(ProblemResponses messages, PortalProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.type().status().value());
        if (e.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        if (e.type() == ProblemType.NOT_FOUND) {
            return page(model, locale, "portal.notfound.title", "portal.notfound.text", List.of());
        }
        long minutes = e.retryAfter() == null ? 1 : Math.max(1, (e.retryAfter().toSeconds() + 59) / 60);
        // Refused before the appeal's page could be drawn: what the citizen wrote in a reply or a rating's comment is
        // given back here (KEPT_TEXT), since that page, with its form, is not.
        model.addAttribute("kept", request.getAttribute(KEPT_TEXT));
        return e.type() == ProblemType.RATE_LIMITED
                ? page(model, locale, "portal.refused.title", "portal.refused.rate-limited-page", List.of(minutes))
                : page(model, locale, "portal.refused.title", "portal.refused.other", List.of());
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, Model model, Locale locale, HttpServletResponse response) {
        log.error("Portal page failed", e);
        response.setStatus(500);
        return page(model, locale, "portal.refused.title", "portal.refused.unavailable", List.of());
    }

    /** A page of one message (a title and a sentence) in the portal's layout and the person's language. */
    String page(Model model, Locale locale, String title, String text, List<Object> arguments) {
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("transparencyUrl", properties.transparencyUrl().toString());
        model.addAttribute("title", messages.message(title, List.of(), locale));
        model.addAttribute("text", messages.message(text, arguments, locale));
        return "portal/message";
    }
}
