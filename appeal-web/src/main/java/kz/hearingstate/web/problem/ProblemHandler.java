package kz.hearingstate.web.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Translates every failure of a JSON API into problem+json from the catalogue; bad input never becomes a 500.
 * Registered in every service by {@code WebAutoConfiguration}, last among the advices: a service's own
 * {@code @RestControllerAdvice} (ordered before {@link Ordered#LOWEST_PRECEDENCE}) may translate its domain
 * exceptions first, ideally by throwing or answering an {@link ApiException} through {@link ProblemResponses}.
 * A service may also extend this class; its subclass then replaces this bean.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    protected final ProblemResponses responses;
    private final List<PeoplesPages> pages;

    public ProblemHandler(ProblemResponses responses) {
        this(responses, List.of());
    }

    public ProblemHandler(ProblemResponses responses, List<PeoplesPages> pages) {
        this.responses = responses;
        this.pages = List.copyOf(pages);
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return responses.of(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return responses.of(unreadableBody(e), request);
    }

    /** What exactly was wrong with a JSON body, with the path of the offending field where there is one. */
    public static ApiException unreadableBody(HttpMessageNotReadableException e) {
        // An empty body never gets here (RequestBodyGuard); whitespace or a JSON null is no object either.
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ApiException.invalid(path(unknown), "unknown-field");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ApiException.invalid(path(mismatch), "wrong-type");
        }
        if (cause instanceof JacksonException jackson && jackson.getOriginalMessage() != null
                && jackson.getOriginalMessage().startsWith("Duplicate ")) {
            return new ApiException(ProblemType.DUPLICATE_JSON_KEY);
        }
        return new ApiException(ProblemType.MALFORMED_JSON);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = responses.locale(request);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error(error.getField(), responses.message(error, locale))).toList();
        return withErrors(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ProblemDetail> invalidArguments(HandlerMethodValidationException e, HttpServletRequest request) {
        Locale locale = responses.locale(request);
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBeanResults().forEach(bean -> bean.getFieldErrors()
                .forEach(error -> errors.add(error(error.getField(), responses.message(error, locale)))));
        e.getValueResults().forEach(value -> value.getResolvableErrors().forEach(error -> errors.add(
                error(String.valueOf(value.getMethodParameter().getParameterName()),
                        responses.message(error, locale)))));
        return withErrors(errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> error(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return withErrors(errors, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return responses.of(ApiException.invalid(e.getParameterName(), "required"), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return responses.of(ApiException.invalid(e.getHeaderName(), "required"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return responses.of(ApiException.invalid(e.getName(), "wrong-type"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.NOT_ACCEPTABLE), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = responses.of(new ApiException(ProblemType.METHOD_NOT_ALLOWED), request);
        if (e.getSupportedHttpMethods() == null || e.getSupportedHttpMethods().isEmpty()) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.setAllow(e.getSupportedHttpMethods());
        return ResponseEntity.status(response.getStatusCode()).headers(headers).body(response.getBody());
    }

    /** An address nothing serves: a browser under a part of pages for people gets that part's page, anyone else the problem. */
    @ExceptionHandler(NoResourceFoundException.class)
    public Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        if (acceptsHtml(request)) {
            for (PeoplesPages part : pages) {
                if (part.owns(request)) {
                    ModelAndView page = part.notFound(request);
                    page.setStatus(HttpStatus.NOT_FOUND);
                    return page;
                }
            }
        }
        return responses.of(ApiException.notFound(), request);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.PAYLOAD_TOO_LARGE), request);
    }

    /**
     * Tomcat would not parse a form's parameters: too large (its error code 413; a chunked form has no length to be
     * refused by before), too many, or malformed (400). The client's error, not ours.
     */
    @ExceptionHandler(InvalidParameterException.class)
    public ResponseEntity<ProblemDetail> invalidParameters(InvalidParameterException e, HttpServletRequest request) {
        return responses.of(new ApiException(e.getErrorCode() == 413 ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.BAD_REQUEST),
                request);
    }

    /** A multipart body that does not parse (no boundary, no parts): the client's error, not ours. */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> brokenMultipart(MultipartException e, HttpServletRequest request) {
        return responses.of(new ApiException(ProblemType.BAD_REQUEST), request);
    }

    /**
     * Anything else: an exception Spring MVC raises with a status of its own gets the catalogue's problem for it.
     * A client that hung up mid-answer (a browser leaving a page while a script downloads) is no failure of ours,
     * and there is nobody left to answer: nothing is logged above DEBUG and nothing is written.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client gone before the answer to {} {} was written: {}", request.getMethod(),
                    LoggedPath.of(request), e.toString());
            return null;
        }
        int status = e instanceof ErrorResponse spring ? spring.getStatusCode().value() : 500;
        if (status >= 500) {
            log.error("Unexpected failure on {} {}", request.getMethod(), LoggedPath.of(request), e);
        }
        return responses.of(new ApiException(ProblemType.forStatus(status)), request);
    }

    private ResponseEntity<ProblemDetail> withErrors(List<Map<String, String>> errors, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = responses.of(new ApiException(ProblemType.VALIDATION_FAILED), request);
        if (!errors.isEmpty()) {
            response.getBody().setProperty("errors", errors);
        }
        return response;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The JSON path of the failing field, {@code citizen.phone} or {@code attachments[2].url}; {@code $} for the root. */
    public static String path(JacksonException e) {
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
