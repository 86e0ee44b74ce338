package kz.hearingstate.events;

import java.time.Instant;

/**
 * One change on {@link Topics#APPEALS_LIFECYCLE}, of the kind {@code type}; its CloudEvents type is
 * {@code type.eventType()}. {@code status} is the appeal's status after the change. {@code sequence}
 * grows by one with each event of the same appeal, so projections can ignore stale or repeated ones.
 * Fields that do not apply to a kind are null: {@code answer} only on ANSWERED, {@code forwardedTo}
 * only on FORWARDED, and so on. {@code actor} is a department code, {@code "system"} or an admin.
 * {@code settlement} is the appeal's place as a code of the directory's list ({@link Settlement}), or
 * {@link Settlement#OTHER}; null when the appeal named none. The free text stays with the department.
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
        String settlement,
        Instant occurredAt) {

    /** An event without a settlement (one that predates it, or an appeal that named none). */
    public AppealLifecycleEvent(String appealId, String trackingCode, long sequence, LifecycleType type,
            AppealStatus status, String department, String previousDepartment, String category, Double confidence,
            String actor, String reason, String answer, String forwardedTo, Instant deadline, Instant occurredAt) {
        this(appealId, trackingCode, sequence, type, status, department, previousDepartment, category, confidence,
                actor, reason, answer, forwardedTo, deadline, null, occurredAt);
    }
}
