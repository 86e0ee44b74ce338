package kz.hearingstate.web.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request refused with one {@link ProblemType}: thrown anywhere below a controller (or by a filter through
 * {@link ProblemResponses#write}), answered as problem+json by {@link ProblemHandler}.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final transient List<FieldViolation> violations;
    private final Duration retryAfter;
    private final transient Map<String, Object> properties;

    public ApiException(ProblemType type) {
        this(type, List.of(), null, Map.of());
    }

    public ApiException(ProblemType type, List<FieldViolation> violations) {
        this(type, violations, null, Map.of());
    }

    public ApiException(ProblemType type, List<FieldViolation> violations, Duration retryAfter) {
        this(type, violations, retryAfter, Map.of());
    }

    /** @param properties extension members of the problem (RFC 9457 section 3.2), e.g. the appeal's current status */
    public ApiException(ProblemType type, List<FieldViolation> violations, Duration retryAfter, Map<String, Object> properties) {
        super(type.slug() + (violations.isEmpty() ? "" : " " + violations.stream().map(FieldViolation::field).toList()));
        this.type = type;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
        this.properties = new LinkedHashMap<>(properties);
    }

    /** 400 validation-failed naming one field. */
    public static ApiException invalid(String field, String code, Object... arguments) {
        return new ApiException(ProblemType.VALIDATION_FAILED, List.of(FieldViolation.of(field, code, arguments)));
    }

    public static ApiException notFound() {
        return new ApiException(ProblemType.NOT_FOUND);
    }

    /** A refusal the client may retry after {@code retryAfter} (429, 503): sent as Retry-After in whole seconds. */
    public static ApiException retryLater(ProblemType type, Duration retryAfter) {
        return new ApiException(type, List.of(), retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Null unless the client should retry after a while (429, 503). */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
