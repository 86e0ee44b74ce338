package kz.hearingstate.notification.operator;

import java.time.Instant;

import kz.hearingstate.notification.delivery.Notification;
import kz.hearingstate.notification.privacy.Masking;

/** One notification as operators see it: the recipient masked, nothing else personal. */
record NotificationView(
        String notificationId,
        String sourceEventId,
        String template,
        String recipientRole,
        String channel,
        String recipient,
        String language,
        String subject,
        String body,
        String status,
        int attempts,
        Instant createdAt,
        Instant sentAt,
        String lastError,
        String skipReason) {

    /** What it said, without the secret of the citizen's private link, which lets its holder act for the citizen. */
    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.sourceEventId(), n.template(), n.recipientRole().name(),
                n.channel().name(), n.maskedAddress(), n.language() == null ? null : n.language().name(),
                Masking.withoutAccessSecrets(n.subject()), Masking.withoutAccessSecrets(n.body()), n.status().name(),
                n.attempts(), n.createdAt(), n.sentAt(), n.lastError(), n.skipReason());
    }

    /**
     * A notification about a confidential appeal: when and how it went, not what it said nor to whom; its error without
     * even a masked address, which could tell the department.
     */
    static NotificationView withoutContent(Notification n) {
        return new NotificationView(n.id(), n.sourceEventId(), n.template(), n.recipientRole().name(),
                n.channel().name(), null, n.language() == null ? null : n.language().name(), null, null,
                n.status().name(), n.attempts(), n.createdAt(), n.sentAt(), Masking.withoutContacts(n.lastError()),
                n.skipReason());
    }
}
