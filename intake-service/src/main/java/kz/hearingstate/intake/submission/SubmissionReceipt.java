package kz.hearingstate.intake.submission;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import kz.hearingstate.events.AppealStatus;

/**
 * What intake answers (the 202 body) once Kafka acknowledged the appeal. The deadline is the legal one
 * computed at registration; routing may move it. {@code replayed} is true when an idempotent retry
 * found the appeal already accepted.
 *
 * <p>{@code trackingCode} is the public request id (Open311, public lists, read out over the phone).
 * {@code accessSecret} is the citizen's private key to the appeal: {@code statusUrl} opens it without any
 * channel key, so the channel must hand it only to the submitter.
 */
public record SubmissionReceipt(
        String appealId,
        String trackingCode,
        AppealStatus status,
        Instant receivedAt,
        Instant registeredAt,
        Instant deadline,
        String accessSecret,
        @JsonIgnore boolean replayed) {

    /** The citizen's private status link: also where replies and feedback go ({@code .../replies}, {@code .../feedback}). */
    @JsonProperty("statusUrl")
    public String statusUrl() {
        return accessPath(accessSecret);
    }

    public static String accessPath(String accessSecret) {
        return "/api/v1/appeals/access/" + accessSecret;
    }
}
