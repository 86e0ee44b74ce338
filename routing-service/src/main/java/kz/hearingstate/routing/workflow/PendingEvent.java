package kz.hearingstate.routing.workflow;

import kz.hearingstate.events.AppealAssigned;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Topics;

/**
 * An event decided and saved with the appeal, not yet acknowledged by Kafka (a transactional outbox
 * inside the appeal's own document). Exactly one of {@code lifecycle}, {@code assigned} and {@code reply} is set
 * ({@code reply} is absent from events stored before the department's inbox carried replies).
 */
public record PendingEvent(
        String eventId,
        String topic,
        String eventType,
        AppealLifecycleEvent lifecycle,
        AppealAssigned assigned,
        CitizenReplied reply) {

    static PendingEvent lifecycle(String eventId, AppealLifecycleEvent event) {
        return new PendingEvent(eventId, Topics.APPEALS_LIFECYCLE, event.type().eventType(), event, null, null);
    }

    static PendingEvent assigned(String eventId, AppealAssigned assigned) {
        return new PendingEvent(eventId, Topics.departmentInbox(assigned.department()), EventTypes.APPEAL_ASSIGNED, null,
                assigned, null);
    }

    static PendingEvent reply(String eventId, String department, CitizenReplied reply) {
        return new PendingEvent(eventId, Topics.departmentInbox(department), EventTypes.CITIZEN_REPLIED, null, null, reply);
    }

    public Object payload() {
        return lifecycle != null ? lifecycle : assigned != null ? assigned : reply;
    }
}
