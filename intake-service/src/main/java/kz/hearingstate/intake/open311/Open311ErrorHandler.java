package kz.hearingstate.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 errors in the format GeoReport v2 specifies, {@code [{"code": 400, "description": "..."}]} (XML:
 * {@code <errors><error>}), in the representation the path asked for; the descriptions are the shared
 * problems' texts, localised. A missing or unknown {@code api_key} is 403, as GeoReport v2 says.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Open311ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorHandler.class);

    private final ProblemResponses problems;
    private final IntakeProperties properties;
    private final JsonMapper json;

    public Open311ErrorHandler(ProblemResponses problems, IntakeProperties properties, JsonMapper json) {
        this.problems = problems;
        this.properties = properties;
        this.json = json;
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> open311(Open311Exception e, HttpServletRequest request) {
        // Counted like the shared problem it stands for; the description is Open311's own.
        problems.body(new ApiException(e.status() == 404 ? ProblemType.NOT_FOUND : ProblemType.VALIDATION_FAILED), request);
        return errors(e.status(), List.of(e.getMessage()), request);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> api(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = problems.body(e, request);
        List<String> descriptions = problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors
                ? errors.stream().map(error -> (Map<?, ?>) error).map(error -> error.get("field") + ": " + error.get("message")).toList()
                : List.of(problem.getDetail());
        int status = e.type() == ProblemType.UNAUTHENTICATED ? 403 : e.type().status().value();
        ResponseEntity<String> response = errors(status, descriptions, request);
        if (e.retryAfter() != null) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(EventNotAcknowledgedException.class)
    ResponseEntity<String> brokerUnavailable(EventNotAcknowledgedException e, HttpServletRequest request) {
        log.warn("Answering 503 to an Open311 request: {}", e.getMessage());
        return api(ApiException.retryLater(ProblemType.BROKER_UNAVAILABLE, properties.brokerRetryAfter()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return api(new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE), request);
    }

    private ResponseEntity<String> errors(int status, List<String> descriptions, HttpServletRequest request) {
        List<Map<String, Object>> errors = descriptions.stream().map(description -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("description", description);
            return error;
        }).toList();
        return Open311Format.ofPath(request.getRequestURI()).render(status, "errors", "error", errors, json);
    }
}
