package kz.hearingstate.routing.workflow;

/**
 * 403: the caller may see the appeal but not do this to it (the admin acting as a department, a department
 * routing what only the triage desk routes). An appeal that is not the caller's is {@link AppealNotFoundException}.
 */
public class ActionNotAllowedException extends RuntimeException {
    public ActionNotAllowedException(String message) {
        super(message);
    }
}
