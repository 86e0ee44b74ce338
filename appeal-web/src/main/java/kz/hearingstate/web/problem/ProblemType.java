package kz.hearingstate.web.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The one catalogue of problems every service answers with (RFC 9457). The slug is the stable part of the
 * {@code type} URI ({@code https://hearingstate.kz/problems/<slug>}) and the key of the localised title and
 * detail ({@code problem.<slug>.title|detail} in {@code kz/hearingstate/web/problems*.properties}). The same
 * failure has the same type in every service: add a constant here rather than a new slug in a service.
 */
public enum ProblemType {
    /** Fields or parameters break the rules; {@code errors: [{field, message}]} names each. */
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json"),
    DUPLICATE_JSON_KEY(HttpStatus.BAD_REQUEST, "duplicate-json-key"),
    INVALID_ENCODING(HttpStatus.BAD_REQUEST, "invalid-encoding"),
    EMPTY_BODY(HttpStatus.BAD_REQUEST, "empty-body"),
    /** A 400 that names no field: a malformed request line, header or URL (often raised by the container). */
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request"),
    /** No API key, or one that matches no principal. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated"),
    /** A known key of a kind that may never use this endpoint (a department key on an admin endpoint). */
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    /** Also "not yours": another principal's resource is answered exactly like a missing one. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
    /** The resource changed meanwhile, or already exists. */
    CONFLICT(HttpStatus.CONFLICT, "conflict"),
    /** The appeal's status does not allow this action now. */
    APPEAL_STATE_CONFLICT(HttpStatus.CONFLICT, "appeal-state-conflict"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused"),
    /** Sent with Retry-After. */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"),
    /** Kafka did not acknowledge, so nothing was accepted; sent with Retry-After. */
    BROKER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable"),
    /** More submissions are waiting for Kafka than the service admits at once; nothing was accepted. Sent with Retry-After. */
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "overloaded"),
    /** The change is stored; its events go out when Kafka is back. Sent with Retry-After. */
    EVENTS_PENDING(HttpStatus.SERVICE_UNAVAILABLE, "events-pending"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");

    public static final String TYPE_BASE = "https://hearingstate.kz/problems/";

    private final HttpStatus status;
    private final String slug;

    ProblemType(HttpStatus status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    /**
     * The generic problem for a bare status (what the servlet container or Spring raised without saying more):
     * any other 4xx is a bad request, any other 5xx an internal error.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
