package kz.hearingstate.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventMetadata;
import kz.hearingstate.messaging.ReceivedEvent;
import kz.hearingstate.notification.contact.CitizenContact;
import kz.hearingstate.notification.contact.CitizenContacts;
import kz.hearingstate.notification.delivery.DeliveryWorker;
import kz.hearingstate.notification.delivery.NotificationRecorder;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.notification.delivery.PlannedNotification;
import kz.hearingstate.notification.delivery.RecipientRole;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import kz.hearingstate.notification.template.MessageTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The two consumers' steps interleaved as their threads may interleave them, deterministically: each test drives
 * {@link NotificationDecisions} over the real stores and records what is recorded, in order. A citizen hears every
 * step once and in order (registered, routed, then later steps), and no staff notice is recorded twice.
 */
class NotificationDecisionsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    NotificationPlanner planner;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    NotificationStore store;
    @Autowired
    MessageTemplates templates;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    Clock clock;

    private RecordingRecorder recorder;
    private ParkedLifecycleEvents parked;
    private NotificationDecisions decisions;

    @BeforeEach
    void recordInOrder() {
        recorder = new RecordingRecorder(store, templates, worker, clock);
        parked = new ParkedLifecycleEvents(mongo);
        decisions = decisions(new CitizenContacts(mongo), parked);
    }

    /** The lifecycle thread reads the contact the moment the submission batch has saved it. */
    @Test
    void givenALifecycleBatchThatReadsTheContactJustAfterItIsSaved_whenBothAreDone_thenTheRegistrationIsRecordedFirst() {
        String appealId = Appeals.newAppealId();
        InterleavedContacts contacts = new InterleavedContacts();
        contacts.afterNextSave(() -> decisions.onLifecycleChanges(List.of(change(appealId, 1, LifecycleType.ROUTED))));
        decisions = decisions(contacts, parked);

        decisions.onSubmissions(List.of(submission(appealId)));

        assertThat(citizenSteps(appealId)).containsExactly(appealId + ":submitted", appealId + ":1");
    }

    /**
     * ROUTED parked before the submission; the submission batch saved the contact but has not released it yet (or
     * died): INFO_REQUESTED, whose contact is known, must not go before it.
     */
    @Test
    void givenAnEventStillParkedWhenTheContactIsKnown_whenALaterEventArrives_thenTheParkedOneIsRecordedFirstAndCleared() {
        String appealId = Appeals.newAppealId();
        decisions.onLifecycleChanges(List.of(change(appealId, 1, LifecycleType.ROUTED)));
        assertThat(parked.forAppeals(List.of(appealId))).as("parked before the submission").hasSize(1);
        submissionBatchUpToTheRelease(appealId);

        decisions.onLifecycleChanges(List.of(change(appealId, 2, LifecycleType.INFO_REQUESTED)));

        assertThat(citizenSteps(appealId)).containsExactly(appealId + ":submitted", appealId + ":1", appealId + ":2");
        assertThat(parked.forAppeals(List.of(appealId))).as("released by the lifecycle batch").isEmpty();

        decisions.onSubmissions(List.of(submission(appealId))); // the submission batch goes on, or comes again

        assertThat(citizenSteps(appealId)).containsExactly(appealId + ":submitted", appealId + ":1", appealId + ":2");
        assertThat(store.forAppeal(appealId).stream().filter(n -> n.recipientRole() == RecipientRole.CITIZEN))
                .as("each step recorded once").hasSize(3);
    }

    /**
     * Steps 2 and 3 parked; their batch was not committed (a crash), and Kafka delivers step 2 again alone once the
     * contact is saved: step 3, still parked, must not go before it.
     */
    @Test
    void givenTwoParkedStepsAndARedeliveryOfTheFirstAlone_whenConsumed_thenTheCitizenHearsThemInOrder() {
        String appealId = Appeals.newAppealId();
        decisions.onLifecycleChanges(List.of(change(appealId, 2, LifecycleType.INFO_REQUESTED),
                change(appealId, 3, LifecycleType.ANSWERED)));
        submissionBatchUpToTheRelease(appealId);

        decisions.onLifecycleChanges(List.of(change(appealId, 2, LifecycleType.INFO_REQUESTED)));

        assertThat(citizenSteps(appealId)).containsExactly(appealId + ":submitted", appealId + ":2", appealId + ":3");
        assertThat(parked.forAppeals(List.of(appealId))).isEmpty();
    }

    /** The cost at 100 appeals/s: one look at the parked events per batch at most, none for staff-only steps. */
    @Test
    void givenABatchOfSeveralAppeals_whenConsumed_thenParkedEventsAreReadOnceAndNotForStepsTheCitizenIsNotToldOf() {
        List<String> appeals = List.of(Appeals.newAppealId(), Appeals.newAppealId(), Appeals.newAppealId());
        appeals.forEach(this::submissionBatchUpToTheRelease);
        AtomicInteger reads = new AtomicInteger();
        parked = new ParkedLifecycleEvents(mongo) {
            @Override
            public List<ParkedLifecycleEvent> forAppeals(Collection<String> appealIds) {
                reads.incrementAndGet();
                return super.forAppeals(appealIds);
            }
        };
        decisions = decisions(new CitizenContacts(mongo), parked);

        decisions.onLifecycleChanges(appeals.stream().map(id -> change(id, 1, LifecycleType.ROUTED)).toList());
        decisions.onLifecycleChanges(appeals.stream().map(id -> change(id, 2, LifecycleType.SLA_WARNING)).toList());

        assertThat(reads).as("the ROUTED batch's one read").hasValue(1);
        assertThat(appeals).allSatisfy(id -> assertThat(citizenSteps(id)).containsExactly(id + ":submitted", id + ":1"));
    }

    /**
     * The lifecycle batch parked ROUTED, found the contact saved meanwhile, recorded the release and died before
     * removing the parked document. Its redelivery leaves nothing parked and records nothing twice.
     */
    @Test
    void givenACrashBetweenRecordingAReleaseAndRemovingIt_whenTheBatchComesAgain_thenNothingStaysParked() {
        String appealId = Appeals.newAppealId();
        InterleavedContacts contacts = new InterleavedContacts();
        contacts.afterNextRead(() -> submissionBatchUpToTheRelease(appealId));
        AtomicBoolean crashed = new AtomicBoolean();
        parked = new ParkedLifecycleEvents(mongo) {
            @Override
            public void removeAll(Collection<String> eventIds) {
                if (!eventIds.isEmpty() && crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("the process died");
                }
                super.removeAll(eventIds);
            }
        };
        decisions = decisions(contacts, parked);
        List<ReceivedEvent<AppealLifecycleEvent>> batch = List.of(change(appealId, 1, LifecycleType.ROUTED));

        assertThatThrownBy(() -> decisions.onLifecycleChanges(batch)).hasMessage("the process died");
        assertThat(parked.forAppeals(List.of(appealId))).as("left by the crash").hasSize(1);
        decisions.onLifecycleChanges(batch);

        assertThat(parked.forAppeals(List.of(appealId))).isEmpty();
        assertThat(citizenSteps(appealId)).containsExactly(appealId + ":submitted", appealId + ":1");
        assertThat(store.forAppeal(appealId)).as("registered, routed, the department's assignment").hasSize(3);
    }

    /** The department heard of the assignment when ROUTED arrived; the release only tells the citizen. */
    @Test
    void givenAParkedEventWhoseStaffNoticeWasRecordedOnArrival_whenTheSubmissionReleasesIt_thenNoStaffNoticeIsRecordedTwice() {
        String appealId = Appeals.newAppealId();
        decisions.onLifecycleChanges(List.of(change(appealId, 1, LifecycleType.ROUTED)));

        decisions.onSubmissions(List.of(submission(appealId)));

        assertThat(recorder.ids(RecipientRole.DEPARTMENT)).as("the department's assignment, planned").hasSize(1);
        assertThat(citizenSteps(appealId)).containsExactly(appealId + ":submitted", appealId + ":1");
        assertThat(parked.forAppeals(List.of(appealId))).isEmpty();
    }

    /** What a submission batch does before it releases parked events: the registration notice, the contact. */
    private void submissionBatchUpToTheRelease(String appealId) {
        ReceivedEvent<AppealSubmitted> submission = submission(appealId);
        CitizenContact contact = CitizenContact.of(submission.payload());
        recorder.record(planner.forSubmission(submission.metadata().id(), submission.payload(), contact));
        new CitizenContacts(mongo).saveAll(List.of(contact));
    }

    private NotificationDecisions decisions(CitizenContacts contacts, ParkedLifecycleEvents parked) {
        return new NotificationDecisions(planner, contacts, parked, recorder, clock);
    }

    /** The citizen's notices of the appeal in the order first recorded, by source event. */
    private List<String> citizenSteps(String appealId) {
        return recorder.planned.stream()
                .filter(plan -> plan.appealId().equals(appealId) && plan.role() == RecipientRole.CITIZEN)
                .map(PlannedNotification::sourceEventId).distinct().toList();
    }

    private static ReceivedEvent<AppealSubmitted> submission(String appealId) {
        return new ReceivedEvent<>(new EventMetadata(appealId + ":submitted", EventTypes.APPEAL_SUBMITTED, "intake",
                Appeals.RECEIVED_AT, appealId), Appeals.submitted(appealId, "web", Language.en,
                Appeals.citizen(ContactChannel.EMAIL, null, "decisions-" + appealId.substring(3, 11) + "@mail.test",
                        Language.en)));
    }

    private static ReceivedEvent<AppealLifecycleEvent> change(String appealId, long sequence, LifecycleType type) {
        return new ReceivedEvent<>(new EventMetadata(appealId + ":" + sequence, type.eventType(), "routing",
                Appeals.RECEIVED_AT, appealId), Appeals.step(appealId, sequence, type, "roads"));
    }

    /** The contacts store, running another thread's step once, right after its next save or read. */
    private final class InterleavedContacts extends CitizenContacts {

        private final AtomicReference<Runnable> afterSave = new AtomicReference<>();
        private final AtomicReference<Runnable> afterRead = new AtomicReference<>();

        InterleavedContacts() {
            super(mongo);
        }

        void afterNextSave(Runnable step) {
            afterSave.set(step);
        }

        void afterNextRead(Runnable step) {
            afterRead.set(step);
        }

        @Override
        public void saveAll(List<CitizenContact> saved) {
            super.saveAll(saved);
            runOnce(afterSave);
        }

        @Override
        public Map<String, CitizenContact> findAll(Collection<String> appealIds) {
            Map<String, CitizenContact> found = super.findAll(appealIds);
            runOnce(afterRead);
            return found;
        }

        private static void runOnce(AtomicReference<Runnable> step) {
            Runnable next = step.getAndSet(null);
            if (next != null) {
                next.run();
            }
        }
    }

    /** The real recorder, noting every notification it is asked to record, in order. */
    private static final class RecordingRecorder extends NotificationRecorder {

        private final List<PlannedNotification> planned = new ArrayList<>();

        RecordingRecorder(NotificationStore store, MessageTemplates templates, DeliveryWorker worker, Clock clock) {
            super(store, templates, worker, clock);
        }

        @Override
        public void record(List<PlannedNotification> notifications) {
            planned.addAll(notifications);
            super.record(notifications);
        }

        /** The ids of the notices for {@code role}, once for each time one was planned. */
        List<String> ids(RecipientRole role) {
            return planned.stream().filter(plan -> plan.role() == role).map(PlannedNotification::id).toList();
        }
    }
}
