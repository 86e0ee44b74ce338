package kz.hearingstate.events;

import java.time.Instant;

/**
 * {@code notification.outcome.v1} on {@link Topics#NOTIFICATIONS_OUTCOMES}. No personal data:
 * the recipient is only a role.
 */
public record NotificationOutcome(
        String notificationId,
        String appealId,
        String sourceEventId,
        String template,
        String channel,
        String recipientRole,
        String outcome,
        int attempts,
        long latencyMillis,
        Instant occurredAt) {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
