package kz.hearingstate.events;

import java.time.Instant;

/**
 * {@code appeal.feedback.v1} on {@link Topics#APPEALS_FEEDBACK}: the citizen rates the answer 1 to 5 and may say why.
 * The comment is the citizen's own words, for the department only: it may hold personal data, so it is never
 * counted, logged or shown publicly.
 *
 * @param comment null when the citizen wrote none
 */
public record AppealFeedback(
        String feedbackId,
        String appealId,
        String trackingCode,
        int rating,
        boolean solved,
        String comment,
        Instant occurredAt) {

    /** The longest comment, in characters (code points). */
    public static final int COMMENT_MAX = 2000;
}
