package kz.hearingstate.analytics.ingest;

import java.util.Optional;

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
import kz.hearingstate.messaging.ReceivedEvent;
import org.springframework.messaging.Message;

/**
 * What analytics does with a record of each topic. The Kafka bindings call it, and so does the replay
 * test, which feeds the same records to a second instance over a fresh database.
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

    public void submitted(Message<byte[]> message) {
        AppealSubmitted event = reader.read(message, AppealSubmitted.class).payload();
        projector.submitted(event).ifPresent(hotspots::check);
    }

    public void lifecycle(Message<byte[]> message) {
        AppealLifecycleEvent event = reader.read(message, AppealLifecycleEvent.class).payload();
        Optional<AppealFact> changed = projector.lifecycle(event);
        changed.ifPresent(fact -> {
            if (event.type() == LifecycleType.ANSWERED) {
                metrics.answered(fact.getDepartment());
            }
            if (event.category() != null) {
                hotspots.check(fact);
            }
        });
    }

    /** {@code appeals.feedback} also carries the citizen's replies; they hold personal text and no figure. */
    public void feedback(Message<byte[]> message) {
        if (!EventTypes.APPEAL_FEEDBACK.equals(reader.metadata(message).type())) {
            return;
        }
        ReceivedEvent<AppealFeedback> event = reader.read(message, AppealFeedback.class);
        projector.feedback(event.payload());
    }

    public void notificationOutcome(Message<byte[]> message) {
        projector.notificationOutcome(reader.read(message, NotificationOutcome.class).payload());
    }

    /** {@code departments.directory} carries the departments and the settlement list. */
    public void directoryChange(Message<byte[]> message) {
        if (EventTypes.SETTLEMENTS_CHANGED.equals(reader.metadata(message).type())) {
            directory.apply(reader.read(message, SettlementsChanged.class).payload());
        } else {
            directory.apply(reader.read(message, DepartmentChanged.class).payload());
        }
    }
}
