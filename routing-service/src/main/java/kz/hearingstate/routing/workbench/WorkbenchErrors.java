package kz.hearingstate.routing.workbench;

import kz.hearingstate.routing.workflow.ActionNotAllowedException;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Pages, not problem+json, for the workbench's controllers: "not found" for a missing appeal and for one the
 * user may not see (the same page, so a URL tells nothing), and the signed-in user for every page's header.
 */
@ControllerAdvice(assignableTypes = {WorkbenchController.class, InboxController.class, AppealPageController.class,
        TriageController.class, OfficeController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WorkbenchErrors {

    @ExceptionHandler({AppealNotFoundException.class, ActionNotAllowedException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound() {
        return "workbench/not-found";
    }

    @ModelAttribute("me")
    public StaffUser me() {
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
