package kz.hearingstate.web.problem;

import java.util.List;

/**
 * One broken rule: the JSON path of the field (or the parameter or header name), a message code
 * ({@code validation.<code>} in the service's {@code messages*.properties} or appeal-web's
 * {@code problems*.properties}) and its arguments. {@link ProblemResponses} localises it.
 */
public record FieldViolation(String field, String code, List<Object> arguments) {

    public FieldViolation {
        arguments = List.copyOf(arguments);
    }

    public static FieldViolation of(String field, String code, Object... arguments) {
        return new FieldViolation(field, code, List.of(arguments));
    }
}
