package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.routing.Reason;

/**
 * One lifecycle event as kept in the appeal's own history (the outbox forgets events once Kafka has them):
 * what happened, the status and department after it, who did it and why.
 *
 * @param reason     the event's reason as it carries it ({@link Reason#text()})
 * @param reasonCode the platform's own reason's code ({@link Reason.Code}'s name), null for a person's reason and in
 *                   entries kept before codes; a string, so that a code this version does not know (written by a newer
 *                   one, or dropped since) leaves the appeal readable
 * @param reasonArgs its arguments
 */
public record HistoryEntry(
        long sequence,
        LifecycleType type,
        AppealStatus status,
        String department,
        String actor,
        String reason,
        String reasonCode,
        List<String> reasonArgs,
        String answer,
        String forwardedTo,
        Instant at) {

    public HistoryEntry {
        reasonArgs = reasonArgs == null ? List.of() : reasonArgs;
    }

    /** One entry with its reason. */
    public HistoryEntry(long sequence, LifecycleType type, AppealStatus status, String department, String actor, Reason reason,
            String answer, String forwardedTo, Instant at) {
        this(sequence, type, status, department, actor, reason.text(), reason.code() == null ? null : reason.code().name(),
                reason.args(), answer, forwardedTo, at);
    }

    /**
     * Why, as recorded. An entry kept before reasons had codes, or with a code this version does not know, reads as a
     * person's reason: its text as written.
     */
    public Reason why() {
        return new Reason(reason, Reason.Code.named(reasonCode).orElse(null), reasonArgs);
    }
}
