package kz.hearingstate.analytics.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for bad queries; Spring's own problem details cover the rest (404, 405, ...). */
@RestControllerAdvice
class ProblemHandling {

    static final URI INVALID_QUERY = URI.create("https://hearingstate.kz/problems/invalid-query");

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(INVALID_QUERY);
        problem.setTitle("Invalid query parameters");
        problem.setProperty("errors", e.errors());
        return problem;
    }
}
