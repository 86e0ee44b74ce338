package kz.hearingstate.notification.delivery;

import kz.hearingstate.events.Language;

/**
 * What a channel sends. {@code notificationId} is the idempotency key every channel passes on (the
 * e-mail's Message-ID, the SMS gateway's reference, the webhook's {@code X-Hearing-Notification-Id}),
 * so a resend after a crash can be recognised by the receiving side.
 */
public record OutgoingMessage(
        String notificationId,
        String appealId,
        String trackingCode,
        String intakeChannel,
        String externalId,
        String template,
        String address,
        Language language,
        String subject,
        String body) {

    static OutgoingMessage of(Notification notification) {
        return new OutgoingMessage(notification.id(), notification.appealId(), notification.trackingCode(),
                notification.intakeChannel(), notification.externalId(), notification.template(),
                notification.address(), notification.language(), notification.subject(), notification.body());
    }
}
