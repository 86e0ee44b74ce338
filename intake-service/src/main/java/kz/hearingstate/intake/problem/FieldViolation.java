package kz.hearingstate.intake.problem;

import java.util.List;

/**
 * One broken rule: the JSON path of the field, a message code from {@code messages*.properties}
 * ({@code validation.<code>}) and its arguments. The HTTP layer localizes it.
 */
public record FieldViolation(String field, String code, List<Object> arguments) {

    public static FieldViolation of(String field, String code, Object... arguments) {
        return new FieldViolation(field, code, List.of(arguments));
    }
}
