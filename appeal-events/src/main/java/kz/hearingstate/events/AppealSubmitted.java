package kz.hearingstate.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code appeal.submitted.v1} on {@link Topics#APPEALS_SUBMITTED}: the appeal as received.
 * {@code receivedAt} is when intake got it; {@code registeredAt} is the APPK registration time
 * (the next working day's start when it arrived after hours). {@code deadline} is the legal answer
 * deadline computed at registration (15 working days by default); routing may move it later.
 */
public record AppealSubmitted(
        String appealId,
        String trackingCode,
        String channel,
        String externalId,
        AppealType type,
        String subject,
        String text,
        Language language,
        boolean languageDetected,
        String categoryHint,
        boolean anonymous,
        Citizen citizen,
        Location location,
        List<Attachment> attachments,
        Instant receivedAt,
        Instant registeredAt,
        Instant deadline) {
}
