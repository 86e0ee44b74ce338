package kz.hearingstate.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.messaging.EventPublisher.EventNotAcknowledgedException;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemResponses;
import kz.hearingstate.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Intake's addition to appeal-web's problems: Kafka's silence is 503 {@code broker-unavailable} with
 * Retry-After (nothing was accepted).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class IntakeProblems {

    private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);

    private final ProblemResponses responses;
    private final IntakeProperties properties;

    public IntakeProblems(ProblemResponses responses, IntakeProperties properties) {
        this.responses = responses;
        this.properties = properties;
    }

    @ExceptionHandler(EventNotAcknowledgedException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(EventNotAcknowledgedException e, HttpServletRequest request) {
        log.warn("Answering 503: {}", e.getMessage(), e);
        return responses.of(brokerUnavailable(), request);
    }

    public ApiException brokerUnavailable() {
        return ApiException.retryLater(ProblemType.BROKER_UNAVAILABLE, properties.brokerRetryAfter());
    }
}
