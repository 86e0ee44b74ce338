package kz.hearingstate.notification.planning;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.messaging.ReceivedEvent;
import kz.hearingstate.notification.contact.CitizenContact;
import kz.hearingstate.notification.contact.CitizenContacts;
import kz.hearingstate.notification.delivery.NotificationRecorder;
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

    public void onSubmission(ReceivedEvent<AppealSubmitted> received) {
        AppealSubmitted appeal = received.payload();
        CitizenContact contact = CitizenContact.of(appeal);
        contacts.save(contact);
        recorder.record(planner.forSubmission(received.metadata().id(), appeal, contact));
        releaseParked(contact);
    }

    public void onLifecycleChange(ReceivedEvent<AppealLifecycleEvent> received) {
        AppealLifecycleEvent event = received.payload();
        String eventId = received.metadata().id();
        Optional<CitizenContact> contact = contacts.find(event.appealId());
        recorder.record(planner.forLifecycle(eventId, event, contact));
        if (contact.isEmpty() && planner.tellsCitizen(event.type())) {
            log.info("Appeal {}: {} arrived before the submission; keeping it for the citizen's message",
                    event.appealId(), event.type());
            parked.park(new ParkedLifecycleEvent(eventId, event.appealId(), event, clock.instant()));
            // The submission may have been stored while we parked: release now rather than wait forever.
            contacts.find(event.appealId()).ifPresent(this::releaseParked);
        }
    }

    private void releaseParked(CitizenContact contact) {
        List<ParkedLifecycleEvent> waiting = parked.forAppeal(contact.appealId());
        for (ParkedLifecycleEvent event : waiting) {
            // Planning again is safe: the staff notifications recorded on arrival are found and skipped.
            recorder.record(planner.forLifecycle(event.eventId(), event.event(), Optional.of(contact)));
            parked.remove(event.eventId());
        }
    }
}
