package kz.hearingstate.analytics.ingest;

import java.util.List;
import java.util.Objects;

import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFactProjector;
import kz.hearingstate.analytics.hotspots.HotspotDetector;
import kz.hearingstate.analytics.metrics.BusinessMetrics;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.messaging.EventReader;
import org.springframework.messaging.Message;

/**
 * What analytics does with the records of each topic: read one record ({@code read...}, poison throws), then
 * handle a batch of them in order. The Kafka bindings call it through appeal-messaging's {@code EventBatches},
 * and so does the replay test, which feeds the same records to a second instance over a fresh database.
 */
public class AnalyticsIngest {

    private final EventReader reader;
    private final AppealFactProjector projector;
    private final HotspotDetector hotspots;
    private final DepartmentDirectory directory;
    private final BusinessMetrics metrics;

    public AnalyticsIngest(EventReader reader, AppealFactProjector projector, HotspotDetector hotspots,
            DepartmentDirectory directory, BusinessMetrics metrics) {
        this.reader = reader;
        this.projector = projector;
        this.hotspots = hotspots;
        this.directory = directory;
        this.metrics = metrics;
    }

    public AppealSubmitted readSubmitted(Message<byte[]> message) {
        return reader.read(message, EventTypes.APPEAL_SUBMITTED, AppealSubmitted.class).payload();
    }

    public void submitted(List<AppealSubmitted> events) {
        AppealFactProjector.Changes changes = projector.submitted(events);
        metrics.counted((int) changes.changed().stream().filter(Objects::nonNull).count());
        hotspots.checkAll(changes.toCheck());
    }

    public AppealLifecycleEvent readLifecycle(Message<byte[]> message) {
        return reader.read(message, LifecycleType.EVENT_TYPES, AppealLifecycleEvent.class).payload();
    }

    public void lifecycle(List<AppealLifecycleEvent> events) {
        AppealFactProjector.Changes changes = projector.lifecycle(events);
        List<AppealFact> changed = changes.changed();
        for (int index = 0; index < events.size(); index++) {
            AppealLifecycleEvent event = events.get(index);
            AppealFact fact = changed.get(index);
            if (fact == null) {
                continue;
            }
            if (event.type() == LifecycleType.ANSWERED) {
                // The answering department: the event's own, or (a later event of the batch may have moved the
                // fact on) the one the fact had when routing last named one.
                metrics.answered(event.department() != null && !event.department().isBlank() ? event.department()
                        : fact.getDepartment());
            }
        }
        hotspots.checkAll(changes.toCheck());
    }

    /**
     * {@code appeals.feedback} also carries the citizen's replies; they hold personal text and no figure. Any other
     * type (a feedback version this consumer does not know yet) goes to the dead letters, not past the figures.
     *
     * @return null for a reply, which this consumer passes over
     */
    public AppealFeedback readFeedback(Message<byte[]> message) {
        if (EventTypes.CITIZEN_REPLIED.equals(reader.metadata(message).type())) {
            return null;
        }
        return reader.read(message, EventTypes.APPEAL_FEEDBACK, AppealFeedback.class).payload();
    }

    public void feedback(List<AppealFeedback> events) {
        projector.feedback(events);
    }

    public NotificationOutcome readNotificationOutcome(Message<byte[]> message) {
        return reader.read(message, EventTypes.NOTIFICATION_OUTCOME, NotificationOutcome.class).payload();
    }

    public void notificationOutcomes(List<NotificationOutcome> events) {
        projector.notificationOutcomes(events);
    }

    /** {@code departments.directory} carries the departments and the settlement list. */
    public void directoryChange(Message<byte[]> message) {
        if (EventTypes.SETTLEMENTS_CHANGED.equals(reader.metadata(message).type())) {
            directory.apply(reader.read(message, SettlementsChanged.class).payload());
        } else {
            departmentChanged(reader.read(message, EventTypes.DEPARTMENT_CHANGED, DepartmentChanged.class).payload());
        }
    }

    /**
     * Keeps the department's record; once it may count in a surge (read for the first time, or no longer confidential),
     * its appeals' places are checked: appeals routed to it before this instance read it (a rebuild's first seconds, or a
     * new department) were left out of every check, and their events may not come again.
     */
    public void departmentChanged(DepartmentChanged event) {
        if (directory.apply(event)) {
            hotspots.checkDepartment(event.code());
        }
    }
}
