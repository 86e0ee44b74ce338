package kz.hearingstate.routing.workflow;

/** 404: routing has no appeal with this id. */
public class AppealNotFoundException extends RuntimeException {
    public AppealNotFoundException(String appealId) {
        super("No appeal " + appealId + ".");
    }
}
