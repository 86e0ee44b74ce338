package kz.hearingstate.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.problem.ApiException;
import kz.hearingstate.intake.problem.ProblemKind;
import kz.hearingstate.intake.problem.ProblemResponses;
import kz.hearingstate.messaging.EventPublisher.EventNotAcknowledgedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 errors in the standard's format, {@code [{"code": 400, "description": "..."}]} (XML:
 * {@code <errors><error>}), in the representation the path asked for. A missing or unknown
 * {@code api_key} is 403, as GeoReport v2 says.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Open311ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorHandler.class);

    private final ProblemResponses problems;
    private final LocaleResolver localeResolver;
    private final IntakeProperties properties;
    private final JsonMapper json;

    public Open311ErrorHandler(ProblemResponses problems, LocaleResolver localeResolver, IntakeProperties properties,
            JsonMapper json) {
        this.problems = problems;
        this.localeResolver = localeResolver;
        this.properties = properties;
        this.json = json;
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> open311(Open311Exception e, HttpServletRequest request) {
        problems.countRejection(e.status() == 404 ? ProblemKind.NOT_FOUND : ProblemKind.VALIDATION_FAILED, request);
        return errors(e.status(), List.of(e.getMessage()), request);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> api(ApiException e, HttpServletRequest request) {
        ProblemKind kind = e.kind();
        problems.countRejection(kind, request);
        Locale locale = localeResolver.resolveLocale(request);
        List<String> descriptions = e.violations().isEmpty()
                ? List.of(problems.message("problem." + kind.slug() + ".detail", List.of(), locale))
                : e.violations().stream().map(v -> v.field() + ": "
                        + problems.message("validation." + v.code(), v.arguments(), locale)).toList();
        int status = kind == ProblemKind.UNAUTHORIZED ? 403 : kind.status().value();
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
        return api(ApiException.retryLater(ProblemKind.BROKER_UNAVAILABLE, properties.brokerRetryAfter()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return api(new ApiException(ProblemKind.UNSUPPORTED_MEDIA_TYPE), request);
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
