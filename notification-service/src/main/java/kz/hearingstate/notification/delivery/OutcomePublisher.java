package kz.hearingstate.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code notification.outcome.v1} for a SENT or FAILED notification. No personal data: the
 * recipient is only a role. The event id is {@code <notificationId>:<outcome>}, so publishing again after
 * a failure lets consumers drop the duplicate.
 */
@Component
public class OutcomePublisher {

    private static final Logger log = LoggerFactory.getLogger(OutcomePublisher.class);

    private final EventPublisher publisher;
    private final NotificationStore store;
    private final Clock clock;

    public OutcomePublisher(EventPublisher publisher, NotificationStore store, Clock clock) {
        this.publisher = publisher;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Publishes the outcomes of SENT and FAILED notifications together and marks them published.
     *
     * @return whether Kafka acknowledged them all; if not, the worker's sweep publishes them later
     */
    boolean publish(List<Notification> finished) {
        if (finished.isEmpty()) {
            return true;
        }
        List<EventPublisher.OutgoingEvent> events = finished.stream().map(this::outcome).toList();
        try {
            publisher.publishAll(events);
        } catch (EventPublisher.EventNotAcknowledgedException e) {
            log.warn("Outcomes of {} notifications not acknowledged by Kafka ({}); will publish them again",
                    finished.size(), e.getCause() == null ? "no acknowledgement" : e.getCause().toString());
            return false;
        }
        store.markOutcomesPublished(finished.stream().map(Notification::id).toList());
        return true;
    }

    private EventPublisher.OutgoingEvent outcome(Notification notification) {
        String outcome = notification.status() == NotificationStatus.SENT ? NotificationOutcome.DELIVERED
                : NotificationOutcome.FAILED;
        long latencyMillis = notification.sentAt() == null || notification.eventTime() == null ? 0
                : Math.max(0, Duration.between(notification.eventTime(), notification.sentAt()).toMillis());
        NotificationOutcome event = new NotificationOutcome(notification.id(), notification.appealId(),
                notification.sourceEventId(), notification.template(), notification.channel().name(),
                notification.recipientRole().name(), outcome, Math.max(1, notification.attempts()), latencyMillis,
                clock.instant());
        return new EventPublisher.OutgoingEvent(Topics.NOTIFICATIONS_OUTCOMES, notification.appealId(),
                notification.id() + ":" + outcome, EventTypes.NOTIFICATION_OUTCOME, notification.appealId(), event);
    }
}
