package kz.hearingstate.routing.workflow;

import java.util.Map;

/** 400: the command lacks what its action needs (a reason, an answer, a target...). Field → message. */
public class InvalidCommandException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidCommandException(Map<String, String> errors) {
        super("The action is incomplete: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
