package kz.hearingstate.routing.workflow;

import java.util.List;
import java.util.Set;

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

    /** The codes of a command missing what its action needs, whatever the appeal's state or the time. */
    private static final Set<String> SHAPE_CODES = Set.of("required", "required-for-action", "target-or-outside-required",
            "target-or-outside-not-both");

    /**
     * Whether the command itself is malformed (a field its action needs left out), not refused for the appeal's state
     * or the time (a deadline passed meanwhile, a department gone): sent again, it would be refused again.
     */
    public boolean malformed() {
        return violations.stream().anyMatch(violation -> SHAPE_CODES.contains(violation.code()));
    }
}
