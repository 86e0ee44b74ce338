package kz.hearingstate.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code appeal.assigned.v1} on {@code departments.<code>.inbox}: everything the department needs to
 * handle the appeal, including the citizen's contacts (null for anonymous appeals). The inbox carries one other type:
 * the citizen's replies to the department's requests for information ({@link CitizenReplied}).
 */
public record AppealAssigned(
        String appealId,
        String trackingCode,
        String department,
        String category,
        double confidence,
        String channel,
        AppealType type,
        String subject,
        String text,
        Language language,
        boolean anonymous,
        Citizen citizen,
        Location location,
        List<Attachment> attachments,
        Instant registeredAt,
        Instant deadline,
        Instant assignedAt) {
}
