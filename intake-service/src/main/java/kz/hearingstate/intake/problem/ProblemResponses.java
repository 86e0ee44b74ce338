package kz.hearingstate.intake.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds the RFC 9457 problem+json answer for a {@link ProblemKind}: stable {@code type}, title and
 * detail in the request's language (Accept-Language kk, ru or en), and {@code errors: [{field, message}]}.
 * Counts refused submissions in {@code appeals.rejected{reason}}.
 */
@Component
public class ProblemResponses {

    public static final String REJECTED_METER = "appeals.rejected";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final MeterRegistry meters;

    public ProblemResponses(MessageSource messages, LocaleResolver localeResolver, MeterRegistry meters) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.meters = meters;
    }

    public ResponseEntity<ProblemDetail> of(ApiException exception, HttpServletRequest request) {
        ProblemKind kind = exception.kind();
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(kind.status());
        problem.setType(kind.type());
        problem.setTitle(message("problem." + kind.slug() + ".title", List.of(), locale));
        problem.setDetail(message("problem." + kind.slug() + ".detail", List.of(), locale));
        if (!exception.violations().isEmpty()) {
            problem.setProperty("errors", exception.violations().stream()
                    .map(violation -> Map.of("field", violation.field(),
                            "message", message("validation." + violation.code(), violation.arguments(), locale)))
                    .toList());
        }
        countRejection(kind, request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(kind.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (exception.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(exception));
        }
        return response.body(problem);
    }

    /** Refusals of what a channel or citizen sent (every POST); a failed status lookup is no rejection. */
    public void countRejection(ProblemKind kind, HttpServletRequest request) {
        if (kind == ProblemKind.INTERNAL_ERROR) {
            return;
        }
        if ("POST".equals(request.getMethod())) {
            meters.counter(REJECTED_METER, "reason", kind.slug()).increment();
        }
        // No body, no parameters, no header values: they may carry personal data.
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), kind.slug());
    }

    public String message(String code, List<Object> arguments, Locale locale) {
        try {
            return messages.getMessage(code, arguments.toArray(), locale);
        } catch (NoSuchMessageException e) {
            return code;
        }
    }

    private static String retryAfterSeconds(ApiException exception) {
        long millis = exception.retryAfter().toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
