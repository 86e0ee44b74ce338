package kz.hearingstate.events;

import java.time.Instant;

/** {@code appeal.feedback.v1} on {@link Topics#APPEALS_FEEDBACK}: the citizen rates the answer 1 to 5. */
public record AppealFeedback(
        String feedbackId,
        String appealId,
        String trackingCode,
        int rating,
        boolean solved,
        Instant occurredAt) {
}
