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
 * @param reasonCode the platform's own reason's code, null for a person's reason and in entries kept before codes
 * @param reasonArgs its arguments
 */
public record HistoryEntry(
        long sequence,
        LifecycleType type,
        AppealStatus status,
        String department,
        String actor,
        String reason,
        Reason.Code reasonCode,
        List<String> reasonArgs,
        String answer,
        String forwardedTo,
        Instant at) {

    /** Why, as recorded: an entry kept before reasons had codes reads as a person's reason, its text as written. */
    public Reason why() {
        return new Reason(reason, reasonCode, reasonArgs);
    }
}
