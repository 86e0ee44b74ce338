package kz.hearingstate.web.problem;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 answer for an {@link ApiException}: the catalogue's {@code type} and status, title and
 * detail in the request's language (Accept-Language kk, ru or en), {@code errors: [{field, message}]} for
 * field violations, extension members, and Retry-After where the client should come back later. Messages
 * are looked up in the service's {@code MessageSource} first (its own {@code validation.*} codes), then in
 * appeal-web's {@code kz/hearingstate/web/problems*.properties}.
 */
public class ProblemResponses {

    public static final String BUNDLE = "kz/hearingstate/web/problems";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final MessageSource serviceMessages;
    private final ResourceBundleMessageSource catalogue = new ResourceBundleMessageSource();
    private final LocaleResolver localeResolver;
    private final JsonMapper json;
    private final List<ProblemObserver> observers;

    public ProblemResponses(MessageSource serviceMessages, LocaleResolver localeResolver, JsonMapper json,
            List<ProblemObserver> observers) {
        this.serviceMessages = serviceMessages;
        this.localeResolver = localeResolver;
        this.json = json;
        this.observers = List.copyOf(observers);
        catalogue.setBasename(BUNDLE);
        catalogue.setDefaultEncoding("UTF-8");
        catalogue.setFallbackToSystemLocale(false);
    }

    public ResponseEntity<ProblemDetail> of(ApiException exception, HttpServletRequest request) {
        ProblemDetail problem = body(exception, request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(exception.type().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers(exception).forEach(response::header);
        return response.body(problem);
    }

    /** For filters, entry points and the error controller, which answer outside Spring MVC's handler methods. */
    public void write(ApiException exception, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = body(exception, request);
        response.setStatus(exception.type().status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        headers(exception).forEach(response::setHeader);
        json.writeValue(response.getOutputStream(), problem);
    }

    public ProblemDetail body(ApiException exception, HttpServletRequest request) {
        ProblemType type = exception.type();
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(type.type());
        problem.setTitle(message("problem." + type.slug() + ".title", List.of(), locale));
        problem.setDetail(message("problem." + type.slug() + ".detail", List.of(), locale));
        if (!exception.violations().isEmpty()) {
            problem.setProperty("errors", exception.violations().stream()
                    .map(violation -> Map.of("field", violation.field(),
                            "message", message("validation." + violation.code(), violation.arguments(), locale)))
                    .toList());
        }
        exception.properties().forEach(problem::setProperty);
        for (ProblemObserver observer : observers) {
            observer.answered(exception, request);
        }
        // No body, no parameters, no header values: they may carry personal data.
        log.debug("Answered {} {} with {}", request.getMethod(), LoggedPath.of(request), type.slug());
        return problem;
    }

    public Locale locale(HttpServletRequest request) {
        return localeResolver.resolveLocale(request);
    }

    /** The service's message for {@code code}, else appeal-web's, else the code itself. */
    public String message(String code, List<Object> arguments, Locale locale) {
        Object[] args = arguments.toArray();
        try {
            return serviceMessages.getMessage(code, args, locale);
        } catch (NoSuchMessageException notInService) {
            try {
                return catalogue.getMessage(code, args, locale);
            } catch (NoSuchMessageException notInCatalogue) {
                return code;
            }
        }
    }

    /** A Bean Validation error (codes such as {@code NotBlank.request.pattern}, {@code NotBlank}) in the request's language. */
    public String message(MessageSourceResolvable resolvable, Locale locale) {
        try {
            return serviceMessages.getMessage(withoutDefault(resolvable), locale);
        } catch (NoSuchMessageException notInService) {
            try {
                return catalogue.getMessage(withoutDefault(resolvable), locale);
            } catch (NoSuchMessageException notInCatalogue) {
                return resolvable.getDefaultMessage() == null ? "is invalid" : resolvable.getDefaultMessage();
            }
        }
    }

    private static MessageSourceResolvable withoutDefault(MessageSourceResolvable resolvable) {
        return new MessageSourceResolvable() {
            @Override
            public String[] getCodes() {
                return resolvable.getCodes();
            }

            @Override
            public Object[] getArguments() {
                return resolvable.getArguments();
            }
        };
    }

    private static Map<String, String> headers(ApiException exception) {
        if (exception.retryAfter() == null) {
            return Map.of();
        }
        long millis = exception.retryAfter().toMillis();
        return Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (millis + 999) / 1000)));
    }
}
