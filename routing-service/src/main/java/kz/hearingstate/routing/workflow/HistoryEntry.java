package kz.hearingstate.routing.workflow;

import java.time.Instant;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.LifecycleType;

/**
 * One lifecycle event as kept in the appeal's own history (the outbox forgets events once Kafka has them):
 * what happened, the status and department after it, who did it and why.
 */
public record HistoryEntry(
        long sequence,
        LifecycleType type,
        AppealStatus status,
        String department,
        String actor,
        String reason,
        String answer,
        String forwardedTo,
        Instant at) {
}
