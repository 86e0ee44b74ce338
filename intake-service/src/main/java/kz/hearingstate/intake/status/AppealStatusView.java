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
 * the one computed at registration. {@code channel} is the channel that submitted it, the only one that may
 * act on it with its key; {@code accessHash} is the SHA-256 of the citizen's access secret, never the secret.
 * {@code confidential} turns true, for good, once the appeal is with a confidential department.
 * {@code repliedToSequence} and {@code ratedSequence} are the request for information the citizen replied to and the
 * answer they rated, with a keyed digest of what was sent ({@code CitizenSecrets#digestOf}: nothing of it can be read
 * back without intake's key), marked by intake as soon as Kafka has the reply or rating: the
 * lifecycle event that follows may come seconds later, and until then the view must not take a different one for the
 * same step (routing keeps one reply per request and one rating per answer, by id, so a second one would be thanked
 * for and dropped). The same one sent again (a retry) is taken, under the same id.
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
        Long repliedToSequence,
        String replyDigest,
        Long ratedSequence,
        String ratingDigest,
        String accessHash,
        Boolean confidential,
        List<HistoryEntry> history) {

    public static final String COLLECTION = "appeal_status";

    /**
     * Whether the public may see that this appeal exists (Open311 GETs): only once routed, so that an appeal on
     * its way to a confidential department never shows, and never once it was with one.
     */
    public boolean publiclyListed() {
        return receivedAt != null && department != null && !Boolean.TRUE.equals(confidential);
    }

    /** Whether the department waits for the citizen's reply to its request for information, and none was sent yet. */
    public boolean awaitsReply() {
        return status == AppealStatus.INFO_REQUESTED && infoRequestedSequence != null && !repliedToLatestRequest();
    }

    /** Whether the appeal is answered and the citizen has not rated that answer yet. */
    public boolean awaitsRating() {
        return status == AppealStatus.ANSWERED && answeredSequence != null && !ratedLatestAnswer();
    }

    /** Whether this reply (by its digest) may go out: one is awaited, or this very one went out before (a retry). */
    public boolean takesReply(String digest) {
        return awaitsReply() || (status == AppealStatus.INFO_REQUESTED && repliedToLatestRequest() && digest.equals(replyDigest));
    }

    /** Whether this rating (by its digest) may go out: one is awaited, or this very one went out before (a retry). */
    public boolean takesRating(String digest) {
        return awaitsRating() || (status == AppealStatus.ANSWERED && ratedLatestAnswer() && digest.equals(ratingDigest));
    }

    /** Whether the citizen's reply to the department's latest request for information went out already. */
    public boolean repliedToLatestRequest() {
        return infoRequestedSequence != null && infoRequestedSequence.equals(repliedToSequence);
    }

    /** Whether the citizen's rating of the latest answer went out already. */
    public boolean ratedLatestAnswer() {
        return answeredSequence != null && answeredSequence.equals(ratedSequence);
    }

    /** The legal deadline as it stands: routing's once routed, else the one computed at registration. */
    public Instant currentDeadline() {
        return deadline != null ? deadline : initialDeadline;
    }

    /**
     * One status change, with its reason where the citizen should see it (what information is requested, why it was
     * rejected, forwarded or extended).
     *
     * @param by who made the change, {@link #BY_DEPARTMENT}, {@link #BY_SYSTEM} (a rule: an anonymous appeal not
     *           considered) or {@link #BY_CITIZEN} (a rating that reopened it); null on the appeal's receipt, and on
     *           entries stored before it was kept
     */
    public record HistoryEntry(long sequence, String type, AppealStatus status, String department, String reason, Instant at,
            String by) {

        public static final String BY_DEPARTMENT = "department";
        public static final String BY_SYSTEM = "system";
        public static final String BY_CITIZEN = "citizen";

        /**
         * The reason in the department's own words, to show the citizen as written; null for a rule's reason (routing's
         * English, which a page or channel says in its own language from {@code type} and {@code by}) and for a
         * reopening's (routing's text around the citizen's own rating and comment). Entries stored before {@code by} was
         * kept count as the department's, but a reopening's never.
         */
        public String departmentsWords() {
            boolean departments = by == null ? !"REOPENED".equals(type) : BY_DEPARTMENT.equals(by);
            return departments ? reason : null;
        }

        /** The kind of routing's lifecycle actor: "system", "citizen", or else a department (its code or its staff). */
        public static String byActor(String actor) {
            return BY_SYSTEM.equals(actor) || BY_CITIZEN.equals(actor) ? actor : BY_DEPARTMENT;
        }
    }
}
