package kz.hearingstate.routing.workflow;

import kz.hearingstate.events.AppealAssigned;
import kz.hearingstate.events.AppealLifecycleEvent;

/**
 * An event decided and saved with the appeal, not yet acknowledged by Kafka (a transactional outbox
 * inside the appeal's own document). Exactly one of {@code lifecycle} and {@code assigned} is set.
 */
public record PendingEvent(
        String eventId,
        String topic,
        String eventType,
        AppealLifecycleEvent lifecycle,
        AppealAssigned assigned) {

    public Object payload() {
        return lifecycle != null ? lifecycle : assigned;
    }
}
