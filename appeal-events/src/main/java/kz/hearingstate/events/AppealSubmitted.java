package kz.hearingstate.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code appeal.submitted.v1} on {@link Topics#APPEALS_SUBMITTED}: the appeal as received.
 * {@code receivedAt} is when intake got it; {@code registeredAt} is the APPK registration time
 * (the next working day's start when it arrived after hours). {@code deadline} is the legal answer
 * deadline computed at registration (15 working days by default); routing may move it later.
 *
 * <p>{@code accessSecret} is the citizen's private access secret (it opens the appeal's status, replies and
 * feedback without a channel key), carried only so that notification can put the private link in the first
 * message; null for anonymous appeals, which are told nothing. The topic is readable only by the services,
 * and no service may copy it into anything it publishes, shows or logs.
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
        Instant deadline,
        String accessSecret) {

    /** An appeal without an access secret (anonymous, or published before secrets existed). */
    public AppealSubmitted(String appealId, String trackingCode, String channel, String externalId, AppealType type,
            String subject, String text, Language language, boolean languageDetected, String categoryHint,
            boolean anonymous, Citizen citizen, Location location, List<Attachment> attachments, Instant receivedAt,
            Instant registeredAt, Instant deadline) {
        this(appealId, trackingCode, channel, externalId, type, subject, text, language, languageDetected, categoryHint,
                anonymous, citizen, location, attachments, receivedAt, registeredAt, deadline, null);
    }
}
