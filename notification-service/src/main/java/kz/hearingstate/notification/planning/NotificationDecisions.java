package kz.hearingstate.notification.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>Submissions and lifecycle events come on two bindings, read on two threads, yet each citizen's notices are
 * recorded once and in order (registered, then each change by sequence), the order in which delivery sends an
 * appeal's notifications (the README says when it cannot): a contact is saved only after its registration notice is
 * recorded, a lifecycle event that comes before its contact is parked until it arrives, and one that finds the
 * contact and tells the citizen records the appeal's parked events before itself.
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
        release(arrived.stream().collect(Collectors.toMap(CitizenContact::appealId, contact -> contact,
                (first, second) -> second)));
    }

    /**
     * Lifecycle events of one batch, in order: the contacts they need in one read, the events still parked of the
     * appeals whose citizen is told in one more (indexed by appealId), their notifications in one write. Parked
     * events go first, each appeal's in the order of its events: the submission batch may have saved the contact and
     * not yet released them, or died in between. An event that tells the citizen and arrived before the submission
     * waits (parked) for the contact.
     */
    public void onLifecycleChanges(List<ReceivedEvent<AppealLifecycleEvent>> received) {
        Map<String, CitizenContact> known = contacts.findAll(received.stream().map(event -> event.payload().appealId())
                .collect(Collectors.toSet()));
        // Only a step the citizen hears of waits for their earlier ones, so only its appeal's parked events are read.
        Set<String> citizensTold = received.stream().map(ReceivedEvent::payload)
                .filter(change -> known.containsKey(change.appealId()) && planner.tellsCitizen(change.type()))
                .map(AppealLifecycleEvent::appealId).collect(Collectors.toSet());
        List<ParkedLifecycleEvent> released = citizensTold.isEmpty() ? List.of() : parked.forAppeals(citizensTold);
        // Every parked event first, in sequence order, even one this batch brings again (a redelivery, perhaps split
        // differently): its plan below has the same ids, which the recorder keeps once, in this first place.
        List<PlannedNotification> planned = new ArrayList<>(forCitizens(released, known));
        List<ParkedLifecycleEvent> early = new ArrayList<>();
        for (ReceivedEvent<AppealLifecycleEvent> event : received) {
            AppealLifecycleEvent change = event.payload();
            Optional<CitizenContact> contact = Optional.ofNullable(known.get(change.appealId()));
            planned.addAll(planner.forLifecycle(event.metadata().id(), change, contact));
            if (contact.isEmpty() && planner.tellsCitizen(change.type())) {
                log.debug("Appeal {}: {} arrived before the submission; keeping it for the citizen's message",
                        change.appealId(), change.type());
                early.add(new ParkedLifecycleEvent(event.metadata().id(), change.appealId(), change, clock.instant()));
            }
        }
        recorder.record(planned);
        parked.removeAll(released.stream().map(ParkedLifecycleEvent::eventId).toList());
        if (!early.isEmpty()) {
            parked.parkAll(early);
            // The submission may have been stored while we parked: release now rather than wait forever.
            release(contacts.findAll(early.stream().map(ParkedLifecycleEvent::appealId).collect(Collectors.toSet())));
        }
    }

    /**
     * Plans the citizen's notices of the parked events of the appeals whose contacts arrived, records them in one
     * write and then removes the events in one. A crash in between leaves them parked, and the redelivered batch
     * (submissions or lifecycle events: either finds the contact now) releases them again, recording nothing twice.
     */
    private void release(Map<String, CitizenContact> arrived) {
        if (arrived.isEmpty()) {
            return;
        }
        List<ParkedLifecycleEvent> released = parked.forAppeals(arrived.keySet());
        if (released.isEmpty()) {
            return;
        }
        recorder.record(forCitizens(released, arrived));
        parked.removeAll(released.stream().map(ParkedLifecycleEvent::eventId).toList());
    }

    /** The citizen's notices of parked events, in their order; the staff ones were recorded when the events came. */
    private List<PlannedNotification> forCitizens(List<ParkedLifecycleEvent> released,
            Map<String, CitizenContact> known) {
        List<PlannedNotification> planned = new ArrayList<>(released.size());
        for (ParkedLifecycleEvent event : released) {
            planner.forCitizenOnly(event.eventId(), event.event(), known.get(event.appealId())).ifPresent(planned::add);
        }
        return planned;
    }
}
