package kz.hearingstate.intake.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.testing.ObservedMongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

import static kz.hearingstate.intake.status.StatusEvents.routed;
import static kz.hearingstate.intake.status.StatusEvents.step;
import static kz.hearingstate.intake.status.StatusEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/** The projection's writes against the MongoDB-wire server, in the orders Kafka may deliver them. */
class AppealStatusStoreIntegrationTest extends IntakeIntegrationTest {

    private static final Instant FIRST = StatusEvents.FIRST;
    private static final Instant LATER = FIRST.plusSeconds(420);

    @Autowired
    AppealStatusStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CitizenSecrets secrets;
    @Autowired
    IntakeProperties properties;
    @Autowired
    Environment environment;

    @Test
    void givenCitizenAccessKeyChanged_whenASubmissionIsRedeliveredOrTheViewRebuilt_thenTheLinksAlreadySentStillOpenIt() {
        AppealStatusStore afterRotation = new AppealStatusStore(mongo, new CitizenSecrets("a-new-citizen-access-key-0123456789abcdef"),
                properties);
        // Redelivered after the change: the hash kept at first stays.
        String redelivered = AppealIds.random();
        store.applySubmitted(submitted(redelivered, FIRST));
        afterRotation.applySubmitted(submitted(redelivered, FIRST));
        assertThat(store.findByAccessSecret(secrets.secretOf(redelivered))).isPresent();

        // A lifecycle event first, then the submission: the hash is set once all the same.
        String outOfOrder = AppealIds.random();
        store.applyAll(List.of(routed(outOfOrder, 1)));
        store.applySubmitted(submitted(outOfOrder, FIRST));
        assertThat(store.findByAccessSecret(secrets.secretOf(outOfOrder))).isPresent();

        // Rebuilt from the topic after the change: the event's own secret (the one the citizen was sent) opens it.
        String rebuilt = AppealIds.random();
        AppealSubmitted withSecret = submitted(rebuilt, FIRST);
        afterRotation.applySubmitted(new AppealSubmitted(withSecret.appealId(), withSecret.trackingCode(), withSecret.channel(),
                withSecret.externalId(), withSecret.type(), withSecret.subject(), withSecret.text(), withSecret.language(),
                withSecret.languageDetected(), withSecret.categoryHint(), withSecret.anonymous(), withSecret.citizen(),
                withSecret.location(), withSecret.attachments(), withSecret.receivedAt(), withSecret.registeredAt(),
                withSecret.deadline(), secrets.secretOf(rebuilt)));
        assertThat(afterRotation.findByAccessSecret(secrets.secretOf(rebuilt))).isPresent();
    }

    @Test
    void givenTheSameAppealSubmittedTwice_whenProjected_thenTheFirstTimesStayAndHistoryHasOneSubmission() {
        String appealId = AppealIds.random();
        store.applySubmitted(submitted(appealId, FIRST));
        store.applySubmitted(submitted(appealId, LATER));

        AppealStatusView view = store.findById(appealId).orElseThrow();
        assertThat(view.receivedAt()).isEqualTo(FIRST);
        assertThat(view.history()).hasSize(1);
    }

    @Test
    void givenTheLifecycleEventArrivesBeforeTheSubmission_whenBothAreProjected_thenNeitherLosesWhatOnlyItKnows() {
        String appealId = AppealIds.random();
        store.applyAll(List.of(routed(appealId, 1)));
        store.applySubmitted(submitted(appealId, FIRST));

        AppealStatusView view = store.findById(appealId).orElseThrow();
        assertThat(view.status()).isEqualTo(AppealStatus.ROUTED);
        assertThat(view.department()).isEqualTo("roads-transport");
        assertThat(view.receivedAt()).isEqualTo(FIRST);
        assertThat(view.history()).extracting(AppealStatusView.HistoryEntry::status)
                .containsExactlyInAnyOrder(AppealStatus.SUBMITTED, AppealStatus.ROUTED);
        assertThat(store.findByTrackingCode(AppealIds.trackingCode(appealId))).isPresent();
    }

    @Test
    void givenALifecycleEventAlreadyApplied_whenItComesAgain_thenItIsIgnored() {
        String appealId = AppealIds.random();
        store.applySubmitted(submitted(appealId, FIRST));

        store.applyAll(List.of(routed(appealId, 1)));
        AppealStatusView once = store.findById(appealId).orElseThrow();
        store.applyAll(List.of(routed(appealId, 1)));

        assertThat(store.findById(appealId).orElseThrow()).isEqualTo(once);
        assertThat(once.history()).hasSize(2);
    }

    @Test
    void givenOneBatchWithEventsOutOfOrderRepeatedAndBeforeTheSubmission_whenApplied_thenEachViewEndsAtItsNewestEvent() {
        String first = AppealIds.random();
        String second = AppealIds.random();
        store.applyAll(List.of(step(first, 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS), routed(second, 1),
                routed(first, 1), submitted(first, FIRST), step(first, 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS),
                submitted(second, FIRST), submitted(first, LATER), routed(second, 1)));

        AppealStatusView firstView = store.findById(first).orElseThrow();
        assertThat(firstView.status()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(firstView.sequence()).isEqualTo(2);
        assertThat(firstView.receivedAt()).isEqualTo(FIRST);
        assertThat(firstView.accessHash()).isNotNull();
        assertThat(firstView.history()).extracting(AppealStatusView.HistoryEntry::status)
                .containsExactlyInAnyOrder(AppealStatus.SUBMITTED, AppealStatus.IN_PROGRESS);
        AppealStatusView secondView = store.findById(second).orElseThrow();
        assertThat(secondView.status()).isEqualTo(AppealStatus.ROUTED);
        assertThat(secondView.history()).extracting(AppealStatusView.HistoryEntry::status)
                .containsExactlyInAnyOrder(AppealStatus.SUBMITTED, AppealStatus.ROUTED);
    }

    @Test
    void givenASubmissionThisInstanceRecorded_whenTheProjectionAppliesIt_thenOnlyItsLifecycleIsWrittenAndAnotherInstanceWritesItAll() {
        List<Integer> updates = new ArrayList<>();
        String appealId = AppealIds.random();
        try (MongoClient client = ObservedMongoClients.onSent(environment.getProperty("spring.mongodb.uri"), sent -> {
            if (sent.getCommandName().equals("update")) {
                updates.add(sent.getCommand().getArray("updates").size());
            }
        })) {
            MongoTemplate counted = new MongoTemplate(client, mongo.getDb().getName());
            AppealStatusStore recording = new AppealStatusStore(counted, secrets, properties);
            AppealStatusStore other = new AppealStatusStore(counted, secrets, properties);
            recording.applySubmitted(submitted(appealId, FIRST));

            updates.clear();
            recording.applyAll(List.of(submitted(appealId, FIRST), routed(appealId, 1)));
            assertThat(updates).as("the routing's guarded update alone: no submission, no upsert").containsExactly(1);

            updates.clear();
            other.applyAll(List.of(submitted(appealId, FIRST), routed(appealId, 2)));
            assertThat(updates).as("another instance writes the submission's three updates and the routing's").containsExactly(4);
        }
        AppealStatusView view = store.findById(appealId).orElseThrow();
        assertThat(view.status()).isEqualTo(AppealStatus.ROUTED);
        assertThat(view.receivedAt()).isEqualTo(FIRST);
        assertThat(view.history()).extracting(AppealStatusView.HistoryEntry::status)
                .containsExactly(AppealStatus.SUBMITTED, AppealStatus.ROUTED, AppealStatus.ROUTED);
    }
}
