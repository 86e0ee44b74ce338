package kz.hearingstate.routing.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.messaging.EventPublisher.EventNotAcknowledgedException;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.workflow.ActionNotAllowedException;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import kz.hearingstate.routing.workflow.AppealStateMachine;
import kz.hearingstate.routing.workflow.InvalidCommandException;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemResponses;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Routing's domain exceptions as the shared problems (appeal-web's catalogue answers everything else). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RoutingProblems {

    /** The appeal is stored; its outbox publishes the events when Kafka is back. */
    static final Duration EVENTS_RETRY_AFTER = Duration.ofSeconds(5);

    private final ProblemResponses responses;

    public RoutingProblems(ProblemResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler({AppealNotFoundException.class, DirectoryService.DepartmentNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        return responses.of(ApiException.notFound(), request);
    }

    @ExceptionHandler(ActionNotAllowedException.class)
    ResponseEntity<ProblemDetail> notAllowed(ActionNotAllowedException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.FORBIDDEN), request);
    }

    @ExceptionHandler(AppealStateMachine.InvalidTransitionException.class)
    ResponseEntity<ProblemDetail> invalidTransition(AppealStateMachine.InvalidTransitionException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.APPEAL_STATE_CONFLICT, List.of(), null,
                Map.of("status_from", e.from().name(), "trigger", e.trigger().name())), request);
    }

    @ExceptionHandler({DirectoryService.DirectoryConflictException.class, OptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.CONFLICT), request);
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<ProblemDetail> invalidCommand(InvalidCommandException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.VALIDATION_FAILED, e.violations()), request);
    }

    @ExceptionHandler(EventNotAcknowledgedException.class)
    ResponseEntity<ProblemDetail> eventsPending(EventNotAcknowledgedException e, HttpServletRequest request) {
        return responses.of(ApiException.retryLater(ProblemType.EVENTS_PENDING, EVENTS_RETRY_AFTER), request);
    }
}
