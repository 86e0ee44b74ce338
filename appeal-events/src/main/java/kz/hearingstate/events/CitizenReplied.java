package kz.hearingstate.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code appeal.citizen-replied.v1} on {@link Topics#APPEALS_FEEDBACK}: the citizen's reply to a request
 * for information. Routing restarts the paused legal clock on it, and sends it on, unchanged, to the inbox
 * ({@link Topics#departmentInbox}) of the department that asked, while that department holds the appeal.
 */
public record CitizenReplied(
        String replyId,
        String appealId,
        String trackingCode,
        String text,
        List<Attachment> attachments,
        Instant occurredAt) {
}
