package kz.hearingstate.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.testing.MongoWireServer;
import kz.hearingstate.testing.ObservedMongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@link AppealFacts#updateAll}, the one read and one write per batch, against a MongoDB-wire server of its own
 * (facts written here never came from the topics, so they stay out of the shared context's database): each
 * appeal's events applied in order, a repeated batch changing nothing, and another consumer thread's write
 * in between losing nothing.
 */
class BatchFoldingIntegrationTest {

    private static final Instant AT = Instant.parse("2026-02-02T05:00:00Z");

    private final MongoWireServer server = new MongoWireServer();
    /** The reads and writes of facts this test's client sends, by command name. */
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoClient client = ObservedMongoClients.onSent(server.uri("batch-folding"),
            sent -> commands.add(sent.getCommandName()));
    private final AppealFacts facts = new AppealFacts(new MongoTemplate(client, "batch-folding"));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void givenABatchWithSeveralEventsOfOneAppeal_whenFolded_thenTheyApplyInOrderAndTheSameBatchAgainChangesNothing() {
        String first = "batch-fold-1";
        String second = "batch-fold-2";
        List<AppealFacts.Change> batch = List.of(submitted(first), submitted(second),
                lifecycle(first, 1, LifecycleType.ROUTED, AppealStatus.ROUTED),
                lifecycle(first, 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED),
                lifecycle(first, 1, LifecycleType.ROUTED, AppealStatus.ROUTED)); // a repeat inside the batch

        List<AppealFact> changed = facts.updateAll(batch);

        assertThat(changed).extracting(fact -> fact == null ? null : fact.getAppealId())
                .containsExactly(first, second, first, first, null);
        AppealFact stored = facts.find(first).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(AppealStatus.ANSWERED);
        assertThat(stored.getLastSequence()).isEqualTo(2);
        assertThat(facts.find(second).orElseThrow().isSubmitted()).isTrue();

        assertThat(facts.updateAll(batch)).as("the batch delivered again").containsOnlyNulls();
        assertThat(facts.find(first).orElseThrow().getVersion()).isEqualTo(stored.getVersion());
    }

    @Test
    void givenAnotherConsumerWritingAnAppealBetweenTheReadAndTheWrite_whenFolded_thenBothWritesAreKept() {
        String appealId = "batch-fold-conflict";
        facts.updateAll(List.of(submitted(appealId)));
        NotificationOutcome delivered = TestEvents.outcome("n-" + appealId, appealId, NotificationOutcome.DELIVERED, AT);
        AppealLifecycleEvent routed = TestEvents.lifecycle(appealId, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads",
                "potholes", AT.plus(Duration.ofDays(15)), AT.plusSeconds(60));

        List<AppealFact> changed = facts.updateAll(List.of(
                new AppealFacts.Change(appealId, fact -> {
                    // The notification-outcome consumer, on its own thread, writes the same appeal right now.
                    facts.update(appealId, other -> other.apply(delivered));
                    return fact.apply(routed);
                }),
                submitted("batch-fold-other")));

        assertThat(changed).doesNotContainNull();
        AppealFact stored = facts.find(appealId).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(AppealStatus.ROUTED);
        assertThat(stored.getNotificationsDelivered()).isEqualTo(1);
        assertThat(facts.find("batch-fold-other")).isPresent();
    }

    @Test
    void givenAnotherConsumerWritingOneAppealOfABatchOfTen_whenFolded_thenTheBatchIsReadAndWrittenAgainTogether() {
        List<AppealFacts.Change> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            facts.updateAll(List.of(submitted("batch-fold-ten-" + i)));
            batch.add(lifecycle("batch-fold-ten-" + i, 1, LifecycleType.ROUTED, AppealStatus.ROUTED));
        }
        NotificationOutcome delivered = TestEvents.outcome("n-ten-0", "batch-fold-ten-0", NotificationOutcome.DELIVERED, AT);
        AppealFacts.Change routedFirst = batch.getFirst();
        batch.set(0, new AppealFacts.Change(routedFirst.appealId(), fact -> {
            facts.update(routedFirst.appealId(), other -> other.apply(delivered)); // another consumer, at this moment
            return routedFirst.change().test(fact);
        }));
        commands.clear();

        List<AppealFact> changed = facts.updateAll(batch);

        assertThat(changed).hasSize(10).doesNotContainNull();
        assertThat(commands.stream().filter("find"::equals).count())
                .as("the batch read twice, and the other consumer's read each time, not each appeal again").isEqualTo(4);
        for (int i = 0; i < 10; i++) {
            assertThat(facts.find("batch-fold-ten-" + i).orElseThrow().getStatus()).isEqualTo(AppealStatus.ROUTED);
        }
        assertThat(facts.find("batch-fold-ten-0").orElseThrow().getNotificationsDelivered()).isEqualTo(1);
    }

    private static AppealFacts.Change submitted(String appealId) {
        AppealSubmitted event = TestEvents.submitted(appealId, "web", Language.ru, null, "Samsy", 43.3, 76.4, AT,
                AT.plus(Duration.ofDays(15)));
        return new AppealFacts.Change(appealId, fact -> fact.apply(event, 0.01));
    }

    private static AppealFacts.Change lifecycle(String appealId, long sequence, LifecycleType type, AppealStatus status) {
        AppealLifecycleEvent event = TestEvents.lifecycle(appealId, sequence, type, status, "roads", "potholes",
                AT.plus(Duration.ofDays(15)), AT.plusSeconds(60 * sequence));
        return new AppealFacts.Change(appealId, fact -> fact.apply(event));
    }
}
