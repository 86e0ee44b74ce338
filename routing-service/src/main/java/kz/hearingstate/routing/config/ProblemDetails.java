package kz.hearingstate.routing.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.routing.access.ApiKeys;
import kz.hearingstate.routing.classification.RoutingAdminController;
import kz.hearingstate.routing.directory.DepartmentController;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import kz.hearingstate.routing.workflow.AppealStateMachine;
import kz.hearingstate.routing.workflow.InvalidCommandException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as RFC 9457 problem+json with a stable {@code type}
 * ({@code https://hearingstate.kz/problems/<slug>}), and {@code errors: [{field, message}]} where fields
 * are involved. Bad input never becomes a 500.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://hearingstate.kz/problems/";

    @ExceptionHandler(ApiKeys.UnauthenticatedException.class)
    ResponseEntity<Object> unauthenticated(ApiKeys.UnauthenticatedException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", e.getMessage(), null,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeys.HEADER + "\""));
    }

    @ExceptionHandler(ApiKeys.ForbiddenException.class)
    ResponseEntity<Object> forbidden(ApiKeys.ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage(), null, Map.of());
    }

    @ExceptionHandler({AppealNotFoundException.class, DirectoryService.DepartmentNotFoundException.class,
            RoutingAdminController.RuleNotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), null, Map.of());
    }

    @ExceptionHandler(AppealStateMachine.InvalidTransitionException.class)
    ResponseEntity<Object> invalidTransition(AppealStateMachine.InvalidTransitionException e) {
        ResponseEntity<Object> response = problem(HttpStatus.CONFLICT, "invalid-transition", "Invalid transition",
                e.getMessage(), null, Map.of());
        ProblemDetail body = (ProblemDetail) response.getBody();
        body.setProperty("status_from", e.from().name());
        body.setProperty("trigger", e.trigger().name());
        return response;
    }

    @ExceptionHandler({DirectoryService.DirectoryConflictException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Object> conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                e instanceof OptimisticLockingFailureException ? "The appeal changed meanwhile; retry." : e.getMessage(), null, Map.of());
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<Object> invalidCommand(InvalidCommandException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "The request is incomplete or inconsistent.",
                e.errors().entrySet().stream().map(x -> Map.of("field", x.getKey(), "message", x.getValue())).toList(), Map.of());
    }

    @ExceptionHandler(RoutingAdminController.InvalidRuleException.class)
    ResponseEntity<Object> invalidRule(RoutingAdminController.InvalidRuleException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(),
                List.of(Map.of("field", e.field(), "message", e.getMessage())), Map.of());
    }

    @ExceptionHandler(DepartmentController.MissingCodeException.class)
    ResponseEntity<Object> missingCode(DepartmentController.MissingCodeException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(),
                List.of(Map.of("field", "code", "message", "is required")), Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "A parameter has the wrong format.",
                List.of(Map.of("field", e.getName(), "message", "invalid value")), Map.of());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "A parameter is out of range.",
                e.getConstraintViolations().stream().map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()),
                        "message", v.getMessage())).toList(), Map.of());
    }

    @ExceptionHandler(EventPublisher.EventNotAcknowledgedException.class)
    ResponseEntity<Object> kafkaUnavailable(EventPublisher.EventNotAcknowledgedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "events-pending", "Kafka did not acknowledge",
                "The change is recorded and its events will be published when Kafka is back. Retrying with the same actionId is safe.",
                null, Map.of(HttpHeaders.RETRY_AFTER, "5"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Some fields are invalid.",
                e.getBindingResult().getFieldErrors().stream().map(ProblemDetails::fieldError).toList(), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        e.getBeanResults().forEach(bean -> bean.getFieldErrors().forEach(error -> errors.add(fieldError(error))));
        e.getValueResults().forEach(value -> value.getResolvableErrors().forEach(error -> errors.add(Map.of(
                "field", String.valueOf(value.getMethodParameter().getParameterName()),
                "message", String.valueOf(error.getDefaultMessage())))));
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Some fields are invalid.", errors, Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                field = jackson.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining("."));
                break;
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The body is not valid JSON of the expected shape.",
                field == null ? null : List.of(Map.of("field", field, "message", "missing or of the wrong type")), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setType(URI.create(TYPE_BASE + (status.is4xxClientError() ? "invalid-request" : "server-error")));
        }
        return response;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String slug, String title, String detail,
            @Nullable List<Map<String, String>> errors, Map<String, String> headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(builder::header);
        return builder.body(problem);
    }
}
