package kz.hearingstate.intake.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every error the API answers with. The slug is the stable part of the RFC 9457 {@code type}
 * ({@code https://hearingstate.kz/problems/<slug>}), the {@code reason} tag of {@code appeals.rejected}
 * and the key of the localized title and detail ({@code problem.<slug>.title|detail}).
 */
public enum ProblemKind {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json"),
    DUPLICATE_JSON_KEY(HttpStatus.BAD_REQUEST, "duplicate-json-key"),
    INVALID_ENCODING(HttpStatus.BAD_REQUEST, "invalid-encoding"),
    EMPTY_BODY(HttpStatus.BAD_REQUEST, "empty-body"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
    APPEAL_STATE_CONFLICT(HttpStatus.CONFLICT, "appeal-state-conflict"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited"),
    BROKER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");

    private static final String TYPE_BASE = "https://hearingstate.kz/problems/";

    private final HttpStatus status;
    private final String slug;

    ProblemKind(HttpStatus status, String slug) {
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
}
