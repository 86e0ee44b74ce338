package kz.hearingstate.routing.workflow;

import java.util.List;

import kz.hearingstate.web.problem.FieldViolation;

/**
 * 400: the command lacks what its action needs (a reason, an answer, a target...): one violation per field, with
 * a message code of routing's {@code messages*.properties} ({@code validation.<code>}).
 */
public class InvalidCommandException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidCommandException(List<FieldViolation> violations) {
        super("The action is incomplete: " + violations.stream().map(v -> v.field() + " " + v.code() + v.arguments()).toList());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
