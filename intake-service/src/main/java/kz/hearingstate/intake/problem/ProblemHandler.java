package kz.hearingstate.intake.problem;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.messaging.EventPublisher.EventNotAcknowledgedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Translates every failure of the JSON API into problem+json. Bad input never becomes a 500. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemResponses responses;
    private final IntakeProperties properties;

    public ProblemHandler(ProblemResponses responses, IntakeProperties properties) {
        this.responses = responses;
        this.properties = properties;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return responses.of(e, request);
    }

    @ExceptionHandler(EventNotAcknowledgedException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(EventNotAcknowledgedException e, HttpServletRequest request) {
        log.warn("Answering 503: {}", e.getMessage(), e);
        return responses.of(ApiException.retryLater(ProblemKind.BROKER_UNAVAILABLE, properties.brokerRetryAfter()), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return responses.of(unreadableBody(e.getCause()), request);
    }

    /** What exactly was wrong with a JSON body, with the path of the offending field where there is one. */
    static ApiException unreadableBody(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new ApiException(ProblemKind.VALIDATION_FAILED, List.of(FieldViolation.of(path(unknown), "unknown-field")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new ApiException(ProblemKind.VALIDATION_FAILED, List.of(FieldViolation.of(path(mismatch), "wrong-type")));
        }
        if (cause instanceof JacksonException jackson && jackson.getOriginalMessage() != null
                && jackson.getOriginalMessage().startsWith("Duplicate ")) {
            return new ApiException(ProblemKind.DUPLICATE_JSON_KEY);
        }
        return new ApiException(ProblemKind.MALFORMED_JSON);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemKind.UNSUPPORTED_MEDIA_TYPE), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemKind.NOT_ACCEPTABLE), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemKind.METHOD_NOT_ALLOWED), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemKind.NOT_FOUND), request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemKind.BAD_REQUEST), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responses.of(new ApiException(ProblemKind.INTERNAL_ERROR), request);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
