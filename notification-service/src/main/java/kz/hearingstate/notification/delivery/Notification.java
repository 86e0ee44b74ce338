package kz.hearingstate.notification.delivery;

import java.time.Instant;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient about one event. {@code _id} is derived from (event id, recipient role,
 * channel), so recording it twice is impossible: that is the "exactly once as the recipient sees it".
 * {@code address} is personal data, kept only to send; what is shown uses {@code maskedAddress}, and no log line
 * names a recipient.
 *
 * @param dueAt            when a worker may next take it (PENDING), or when its claim runs out (SENDING)
 * @param attempts         delivery attempts started so far
 * @param outcomePublished whether its {@code notification.outcome.v1} is on Kafka (SENT and FAILED only)
 * @param confidential     about an appeal of a confidential department: operators are shown no content
 * @param claim            which claim took it for its current attempt (SENDING only; see NotificationStore)
 */
@Document("notifications")
public record Notification(
        @Id String id,
        String appealId,
        String trackingCode,
        String sourceEventId,
        String template,
        RecipientRole recipientRole,
        ContactChannel channel,
        String address,
        String maskedAddress,
        String intakeChannel,
        String externalId,
        Language language,
        String subject,
        String body,
        NotificationStatus status,
        int attempts,
        Instant dueAt,
        Instant eventTime,
        Instant createdAt,
        Instant sentAt,
        String lastError,
        String skipReason,
        boolean outcomePublished,
        boolean confidential,
        String claim) {

    /** This one as an attempt left it: SENT at {@code sentAt}, FAILED, or PENDING again from {@code dueAt}. */
    Notification attempted(NotificationStatus status, Instant dueAt, Instant sentAt, String error) {
        return new Notification(id, appealId, trackingCode, sourceEventId, template, recipientRole, channel, address,
                maskedAddress, intakeChannel, externalId, language, subject, body, status, attempts, dueAt, eventTime,
                createdAt, sentAt, error, skipReason, outcomePublished, confidential, null);
    }
}
