package kz.hearingstate.analytics.web;

import java.util.List;

/** Query parameters that cannot be answered; reported as a 400 problem with one error per field. */
class InvalidQueryException extends RuntimeException {

    private final List<FieldProblem> errors;

    InvalidQueryException(List<FieldProblem> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    List<FieldProblem> errors() {
        return errors;
    }

    record FieldProblem(String field, String message) {
    }
}
