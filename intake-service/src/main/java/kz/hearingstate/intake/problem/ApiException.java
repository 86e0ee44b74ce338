package kz.hearingstate.intake.problem;

import java.time.Duration;
import java.util.List;

/** A request the API refuses, as one {@link ProblemKind}; nothing of it was published. */
public class ApiException extends RuntimeException {

    private final ProblemKind kind;
    private final transient List<FieldViolation> violations;
    private final Duration retryAfter;

    public ApiException(ProblemKind kind) {
        this(kind, List.of(), null);
    }

    public ApiException(ProblemKind kind, List<FieldViolation> violations) {
        this(kind, violations, null);
    }

    public ApiException(ProblemKind kind, List<FieldViolation> violations, Duration retryAfter) {
        super(kind.slug() + (violations.isEmpty() ? "" : " " + violations.stream().map(FieldViolation::field).toList()));
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public static ApiException retryLater(ProblemKind kind, Duration retryAfter) {
        return new ApiException(kind, List.of(), retryAfter);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Null unless the client should retry after a while (429, 503). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
