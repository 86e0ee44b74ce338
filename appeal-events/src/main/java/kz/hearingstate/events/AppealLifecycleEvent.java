package kz.hearingstate.events;

import java.time.Instant;

/**
 * One change on {@link Topics#APPEALS_LIFECYCLE}, of the kind {@code type}; its CloudEvents type is
 * {@code type.eventType()}. {@code status} is the appeal's status after the change. {@code sequence}
 * grows by one with each event of the same appeal, so projections can ignore stale or repeated ones.
 * Fields that do not apply to a kind are null: {@code answer} only on ANSWERED, {@code forwardedTo}
 * only on FORWARDED, and so on. {@code actor} is a department code, {@code "system"} or an admin.
 */
public record AppealLifecycleEvent(
        String appealId,
        String trackingCode,
        long sequence,
        LifecycleType type,
        AppealStatus status,
        String department,
        String previousDepartment,
        String category,
        Double confidence,
        String actor,
        String reason,
        String answer,
        String forwardedTo,
        Instant deadline,
        Instant occurredAt) {
}
