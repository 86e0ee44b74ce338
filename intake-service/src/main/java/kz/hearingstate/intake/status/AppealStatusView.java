package kz.hearingstate.intake.status;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.AppealStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Intake's own view of an appeal, projected from {@code appeals.submitted} and {@code appeals.lifecycle}.
 * It keeps no personal data: no name, IIN, phone, email, text or address. {@code sequence} is the last
 * lifecycle sequence applied (0: only submitted). {@code deadline} is routing's, {@code initialDeadline}
 * the one computed at registration. {@code contentFingerprint} is a one-way hash of the submission, to
 * recognise an idempotency key reused for a different appeal.
 */
@Document(AppealStatusView.COLLECTION)
public record AppealStatusView(
        @Id String appealId,
        String trackingCode,
        String channel,
        String category,
        AppealStatus status,
        boolean closed,
        long sequence,
        String department,
        Instant receivedAt,
        Instant registeredAt,
        Instant initialDeadline,
        Instant deadline,
        Instant updatedAt,
        String answer,
        Instant answeredAt,
        Long answeredSequence,
        Long infoRequestedSequence,
        String contentFingerprint,
        List<HistoryEntry> history) {

    public static final String COLLECTION = "appeal_status";

    /** The legal deadline as it stands: routing's once routed, else the one computed at registration. */
    public Instant currentDeadline() {
        return deadline != null ? deadline : initialDeadline;
    }

    /**
     * One status change, with the department's reason where the citizen should see it (what information
     * is requested, why it was rejected, forwarded or extended).
     */
    public record HistoryEntry(long sequence, String type, AppealStatus status, String department, String reason, Instant at) {
    }
}
