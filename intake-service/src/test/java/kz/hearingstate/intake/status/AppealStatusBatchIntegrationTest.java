package kz.hearingstate.intake.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.testing.CloudEventProducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

import static kz.hearingstate.intake.status.StatusEvents.routed;
import static kz.hearingstate.intake.status.StatusEvents.step;
import static kz.hearingstate.intake.status.StatusEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code projectAppealStatus} in batch mode against the broker: the group's bindings are stopped while the records
 * go onto the topics, so that the first polls after the start hand the projection many records at once.
 */
class AppealStatusBatchIntegrationTest extends IntakeIntegrationTest {

    private static final String GROUP = "intake";
    private static final List<String> BINDINGS = List.of("projectAppealStatus-in-0", "recordDirectoryChange-in-0");
    private static final List<String> TOPICS = List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE);

    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    AppealStatusStore store;

    @Test
    void givenManyAppealsOutOfOrderRepeatedAndAPoisonRecordInOnePoll_whenProjected_thenOnlyThePoisonIsDeadLetteredAndEachViewEndsAtItsNewestEvent() {
        List<String> appeals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            appeals.add(AppealIds.random());
        }
        String poisoned = appeals.getFirst();
        withProjectionStopped(() -> {
            try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
                for (String appealId : appeals) {
                    // Routing's events before the submission, and the routing event after the acceptance that followed it.
                    publish(producer, step(appealId, 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS));
                    publish(producer, routed(appealId, 1));
                }
                producer.send(new ProducerRecord<>(Topics.APPEALS_LIFECYCLE, poisoned, "not json".getBytes(StandardCharsets.UTF_8)));
                for (String appealId : appeals) {
                    producer.publish(Topics.APPEALS_SUBMITTED, appealId, appealId, EventTypes.APPEAL_SUBMITTED,
                            json.writeValueAsBytes(submitted(appealId, StatusEvents.FIRST)));
                    publish(producer, step(appealId, 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS));
                    publish(producer, step(appealId, 3, LifecycleType.ANSWERED, AppealStatus.ANSWERED));
                }
            }
        });

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(appeals).allSatisfy(appealId ->
                assertThat(store.findById(appealId)).hasValueSatisfying(view -> assertThat(view.sequence()).isEqualTo(3))));
        for (String appealId : appeals) {
            AppealStatusView view = store.findById(appealId).orElseThrow();
            assertThat(view.status()).isEqualTo(AppealStatus.ANSWERED);
            assertThat(view.receivedAt()).isEqualTo(StatusEvents.FIRST);
            assertThat(view.channel()).isEqualTo("demo-portal");
            assertThat(view.history()).extracting(AppealStatusView.HistoryEntry::status)
                    .containsExactlyInAnyOrder(AppealStatus.SUBMITTED, AppealStatus.IN_PROGRESS, AppealStatus.ANSWERED);
        }
        await().untilAsserted(() -> assertThat(records(Topics.deadLetter(Topics.APPEALS_LIFECYCLE, GROUP)))
                .filteredOn(r -> appeals.contains(r.key())).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(poisoned)));
        assertThat(records(Topics.deadLetter(Topics.APPEALS_SUBMITTED, GROUP))).noneMatch(r -> appeals.contains(r.key()));
    }

    /** A crash after the batch's write but before its offsets were committed: the batch comes again. */
    @Test
    void givenABatchAlreadyApplied_whenItIsDeliveredAgainAfterACrash_thenNoViewChanges() {
        List<String> appeals = List.of(AppealIds.random(), AppealIds.random(), AppealIds.random());
        Map<TopicPartition, Long> before = new HashMap<>();
        withProjectionStopped(() -> {
            before.putAll(endOffsets());
            try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
                for (String appealId : appeals) {
                    producer.publish(Topics.APPEALS_SUBMITTED, appealId, appealId, EventTypes.APPEAL_SUBMITTED,
                            json.writeValueAsBytes(submitted(appealId, StatusEvents.FIRST)));
                    publish(producer, routed(appealId, 1));
                    publish(producer, step(appealId, 2, LifecycleType.INFO_REQUESTED, AppealStatus.INFO_REQUESTED));
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(appeals).allSatisfy(appealId ->
                assertThat(store.findById(appealId)).hasValueSatisfying(view -> assertThat(view.sequence()).isEqualTo(2))));
        List<AppealStatusView> applied = appeals.stream().map(id -> store.findById(id).orElseThrow()).toList();

        withProjectionStopped(() -> rewindTo(before));
        Map<TopicPartition, Long> end = endOffsets();
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(committedOffsets(), end));

        assertThat(appeals.stream().map(id -> store.findById(id).orElseThrow()).toList()).isEqualTo(applied);
        assertThat(applied).allSatisfy(view -> assertThat(view.history()).hasSize(3));
    }

    private void publish(CloudEventProducer producer, AppealLifecycleEvent event) {
        producer.publish(Topics.APPEALS_LIFECYCLE, event.appealId(), event.appealId() + ":" + event.sequence(),
                event.type().eventType(), json.writeValueAsBytes(event));
    }

    /** Both of the group's bindings, so that the group is empty (its offsets can be moved only then). */
    private void withProjectionStopped(Runnable meanwhile) {
        BINDINGS.forEach(binding -> bindings.changeState(binding, State.STOPPED));
        try {
            meanwhile.run();
        } finally {
            BINDINGS.forEach(binding -> bindings.changeState(binding, State.STARTED));
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, Long> committedOffsets() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
                if (TOPICS.contains(partition.topic())) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        }
    }

    private static boolean caughtUp(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> committed.getOrDefault(partition.getKey(), 0L) >= partition.getValue());
    }

    private void rewindTo(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
        offsets.forEach((partition, offset) -> rewound.put(partition, new OffsetAndMetadata(offset)));
        try (Admin admin = admin()) {
            // The stopped consumers may take a moment to leave the group; until then it refuses.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets(GROUP, rewound).all().get());
        }
    }
}
