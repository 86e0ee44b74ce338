package kz.hearingstate.notification.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.messaging.ReceivedEvent;
import kz.hearingstate.notification.contact.CitizenContact;
import kz.hearingstate.notification.contact.CitizenContacts;
import kz.hearingstate.notification.delivery.NotificationRecorder;
import kz.hearingstate.notification.delivery.PlannedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens when an appeal event arrives: keep the citizen's contact, decide who is told, record it.
 * Every step is idempotent (contacts by appealId, notifications by event, role and channel), so a
 * redelivered event changes nothing.
 */
@Component
public class NotificationDecisions {

    private static final Logger log = LoggerFactory.getLogger(NotificationDecisions.class);

    private final NotificationPlanner planner;
    private final CitizenContacts contacts;
    private final ParkedLifecycleEvents parked;
    private final NotificationRecorder recorder;
    private final Clock clock;

    public NotificationDecisions(NotificationPlanner planner, CitizenContacts contacts, ParkedLifecycleEvents parked,
            NotificationRecorder recorder, Clock clock) {
        this.planner = planner;
        this.contacts = contacts;
        this.parked = parked;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Submissions of one batch: their notifications in one write, then their contacts in one, then the parked events
     * released. A contact becomes visible only once its registration notice is recorded, so a lifecycle batch that
     * finds it records its step after that notice. A crash between the writes is undone by the redelivery (the
     * notices already recorded are skipped; until the contacts are saved, lifecycle events park).
     */
    public void onSubmissions(List<ReceivedEvent<AppealSubmitted>> received) {
        List<CitizenContact> arrived = new ArrayList<>(received.size());
        List<PlannedNotification> planned = new ArrayList<>();
        for (ReceivedEvent<AppealSubmitted> event : received) {
            CitizenContact contact = CitizenContact.of(event.payload());
            arrived.add(contact);
            planned.addAll(planner.forSubmission(event.metadata().id(), event.payload(), contact));
        }
        recorder.record(planned);
        contacts.saveAll(arrived);
        releaseParked(arrived);
    }

    /**
     * Lifecycle events of one batch, in order: the contacts they need in one read, their notifications in one
     * write. An event that tells the citizen and arrived before the submission waits (parked) for the contact.
     */
    public void onLifecycleChanges(List<ReceivedEvent<AppealLifecycleEvent>> received) {
        Map<String, CitizenContact> known = contacts.findAll(received.stream().map(event -> event.payload().appealId())
                .collect(Collectors.toSet()));
        List<PlannedNotification> planned = new ArrayList<>();
        List<ParkedLifecycleEvent> early = new ArrayList<>();
        for (ReceivedEvent<AppealLifecycleEvent> event : received) {
            AppealLifecycleEvent change = event.payload();
            Optional<CitizenContact> contact = Optional.ofNullable(known.get(change.appealId()));
            planned.addAll(planner.forLifecycle(event.metadata().id(), change, contact));
            if (contact.isEmpty() && planner.tellsCitizen(change.type())) {
                log.info("Appeal {}: {} arrived before the submission; keeping it for the citizen's message",
                        change.appealId(), change.type());
                early.add(new ParkedLifecycleEvent(event.metadata().id(), change.appealId(), change, clock.instant()));
            }
        }
        recorder.record(planned);
        if (!early.isEmpty()) {
            parked.parkAll(early);
            // The submission may have been stored while we parked: release now rather than wait forever.
            releaseParked(contacts.findAll(early.stream().map(ParkedLifecycleEvent::appealId)
                    .collect(Collectors.toSet())).values());
        }
    }

    /**
     * Plans the citizen's notices of the parked events of the appeals whose contacts arrived, records them in one
     * write and then removes the events in one. A crash in between leaves them parked: the submissions' batch comes
     * again and releases them again, recording nothing twice. After a release from a lifecycle batch, whose
     * redelivery finds the contact and parks nothing, they stay parked for good; their notifications are recorded,
     * so only the documents remain.
     */
    private void releaseParked(Collection<CitizenContact> arrived) {
        if (arrived.isEmpty()) {
            return;
        }
        Map<String, CitizenContact> byAppeal = arrived.stream()
                .collect(Collectors.toMap(CitizenContact::appealId, contact -> contact, (first, second) -> second));
        List<ParkedLifecycleEvent> released = parked.forAppeals(byAppeal.keySet());
        if (released.isEmpty()) {
            return;
        }
        List<PlannedNotification> planned = new ArrayList<>();
        for (ParkedLifecycleEvent event : released) {
            // The citizen's notice alone: the staff ones were recorded when the event came.
            planner.forCitizenOnly(event.eventId(), event.event(), byAppeal.get(event.appealId()))
                    .ifPresent(planned::add);
        }
        recorder.record(planned);
        parked.removeAll(released.stream().map(ParkedLifecycleEvent::eventId).toList());
    }
}
