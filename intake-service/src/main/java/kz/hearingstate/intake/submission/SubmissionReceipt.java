package kz.hearingstate.intake.submission;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import kz.hearingstate.events.AppealStatus;

/**
 * What intake answers (the 202 body) once Kafka acknowledged the appeal. The deadline is the legal one
 * computed at registration; routing may move it. {@code replayed} is true when an idempotent retry
 * found the appeal already accepted.
 */
public record SubmissionReceipt(
        String appealId,
        String trackingCode,
        AppealStatus status,
        Instant receivedAt,
        Instant registeredAt,
        Instant deadline,
        @JsonIgnore boolean replayed) {

    /** Where the citizen or channel follows the appeal. */
    @JsonProperty("statusUrl")
    public String statusUrl() {
        return "/api/v1/appeals/" + trackingCode;
    }
}
