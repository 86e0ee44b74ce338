package kz.hearingstate.notification.operator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem+json for the operator API, with the platform's stable problem types. */
@RestControllerAdvice
class OperatorProblems {

    private static final String TYPE_BASE = "https://hearingstate.kz/problems/";

    @ExceptionHandler(NotificationQueryController.OperatorKeyRejectedException.class)
    ProblemDetail operatorKeyRejected() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Send the operator key in the " + NotificationQueryController.OPERATOR_KEY_HEADER + " header.");
        problem.setType(URI.create(TYPE_BASE + "operator-key-rejected"));
        problem.setTitle("Operator key missing or wrong");
        return problem;
    }

    @ExceptionHandler(NotificationQueryController.MissingAppealIdException.class)
    ProblemDetail missingAppealId() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Say which appeal: /api/v1/notifications?appealId=<appealId>.");
        problem.setType(URI.create(TYPE_BASE + "invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "appealId", "message", "is required")));
        return problem;
    }
}
