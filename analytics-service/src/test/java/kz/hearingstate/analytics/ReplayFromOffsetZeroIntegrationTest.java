package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.feedback;
import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.analytics.figures.Dimensions;
import kz.hearingstate.analytics.figures.Interval;
import kz.hearingstate.analytics.figures.Metric;
import kz.hearingstate.analytics.figures.StatsService;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.analytics.hotspots.Incidents;
import kz.hearingstate.analytics.ingest.AnalyticsIngest;
import kz.hearingstate.analytics.metrics.BusinessMetrics;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.messaging.PoisonEventException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilds analytics from offset 0 of every topic into a fresh database, as a new consumer group would, and
 * compares every figure with the live service's. The replay is deliberately harsher than a real one: topics
 * are read one after another in reverse order (directory, outcomes, feedback, lifecycle, then submissions),
 * and every record is delivered twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayFromOffsetZeroIntegrationTest extends AnalyticsIntegrationTest {

    private static final List<String> TOPICS_IN_REPLAY_ORDER = List.of(Topics.DEPARTMENTS_DIRECTORY,
            Topics.NOTIFICATIONS_OUTCOMES, Topics.APPEALS_FEEDBACK, Topics.APPEALS_LIFECYCLE, Topics.APPEALS_SUBMITTED);

    @Autowired
    StatsService liveStats;
    @Autowired
    Incidents liveIncidents;
    @Autowired
    EventReader reader;
    @Autowired
    AnalyticsProperties properties;
    @Autowired
    Clock clock;

    private final MongoClient replayClient = MongoClients.create(MONGO.uri("analytics-replay"));

    @AfterAll
    void closeReplayClient() {
        replayClient.close();
    }

    @Test
    void givenEverythingOnTheBroker_whenReplayedFromOffsetZeroIntoAFreshDatabase_thenEveryFigureIsIdentical() throws Exception {
        givenAFewAppealsOfItsOwn();
        Map<TopicPartition, Long> endOffsets = waitUntilTheLiveServiceHasConsumedEverything();

        MongoTemplate replayDatabase = new MongoTemplate(replayClient, "analytics-replay");
        FreshInstance fresh = freshInstance(replayDatabase, reader, properties);
        AppealFacts facts = fresh.facts();
        Incidents incidents = fresh.incidents();
        DepartmentDirectory directory = fresh.directory();
        AnalyticsIngest replay = fresh.ingest();
        StatsService replayStats = new StatsService(facts, clock, properties.zone(), properties.slaWindow(),
                directory::confidentialCodes, directory::countableCodes);

        int replayed = replayEveryTopicTwice(replay, endOffsets);
        assertThat(replayed).isGreaterThanOrEqualTo(2 * 9);

        Period allTime = Period.allTime();
        assertSameJson(replayStats.summary(allTime), liveStats.summary(allTime));
        assertSameJson(replayStats.departments(allTime), liveStats.departments(allTime));
        assertSameJson(replayStats.departmentGauges(List.of()), liveStats.departmentGauges(List.of()));
        Period june2025 = new Period(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z"));
        assertSameJson(replayStats.summary(june2025), liveStats.summary(june2025));
        for (Metric metric : Metric.values()) {
            for (Interval interval : Interval.values()) {
                assertSameJson(replayStats.timeSeries(metric, interval, allTime, Dimensions.ANY),
                        liveStats.timeSeries(metric, interval, allTime, Dimensions.ANY));
            }
        }
        assertThat(places(incidents)).isEqualTo(places(liveIncidents));
        assertThat(directory.publicDepartments()).isEqualTo(new DepartmentDirectory(liveDatabase()).publicDepartments());
        assertThat(liveStats.summary(june2025).figures().received()).isEqualTo(3);
        assertThat(fresh.meters().counter(BusinessMetrics.COUNTED_METER).count())
                .as("each appeal counted once, though delivered twice and after its lifecycle")
                .isEqualTo((double) replayStats.summary(allTime).figures().received());
    }

    /** Three appeals of June 2025, so the replay has something even when this class runs first. */
    private void givenAFewAppealsOfItsOwn() {
        Instant received = Instant.parse("2025-06-09T05:00:00Z");
        for (int i = 1; i <= 3; i++) {
            String id = "replay-" + i;
            Instant at = received.plus(Duration.ofHours(i));
            send(submitted(id, "web", Language.kk, null, "Samsy", 43.3, 76.4, at, at.plus(Duration.ofDays(15))));
            send(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "potholes", at.plus(Duration.ofDays(15)),
                    at.plus(Duration.ofMinutes(5))));
            send(lifecycle(id, 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "roads", null, null, at.plus(Duration.ofHours(30))));
        }
        send(feedback("replay-f1", "replay-1", 4, true, received.plus(Duration.ofDays(3))));
        send(TestEvents.department("roads", 1, "Жол бөлімі", "Отдел дорог", "Roads department", "+77277000001", false, received));
    }

    /** The end offsets once the live consumer group has committed all of them. */
    private Map<TopicPartition, Long> waitUntilTheLiveServiceHasConsumedEverything() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
             Consumer<byte[], byte[]> consumer = newConsumer()) {
            Map<TopicPartition, Long> endOffsets = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                endOffsets.clear();
                endOffsets.putAll(consumer.endOffsets(partitions(consumer)));
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("analytics").partitionsToOffsetAndMetadata().get();
                endOffsets.forEach((partition, end) -> {
                    long position = committed.get(partition) == null ? 0 : committed.get(partition).offset();
                    assertThat(position).as("analytics' committed offset of %s", partition).isEqualTo(end);
                });
            });
            return endOffsets;
        }
    }

    private int replayEveryTopicTwice(AnalyticsIngest replay, Map<TopicPartition, Long> endOffsets) {
        int count = 0;
        try (Consumer<byte[], byte[]> consumer = newConsumer()) {
            for (String topic : TOPICS_IN_REPLAY_ORDER) {
                List<TopicPartition> partitions = endOffsets.keySet().stream().filter(p -> p.topic().equals(topic)).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < endOffsets.get(p))) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
                List<Message<byte[]>> readable = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.offset() >= endOffsets.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        read(replay, topic, message(record));
                        readable.add(message(record));
                    } catch (PoisonEventException breaksItsSchema) {
                        // Other test classes share this broker and publish poison records on purpose; the live
                        // service dead-letters those without projecting anything, so the replay skips them too.
                    }
                }
                // The topic as one batch, delivered twice: the second delivery must change nothing.
                for (int delivery = 0; delivery < 2; delivery++) {
                    dispatch(replay, topic, readable);
                    count += readable.size();
                }
            }
        }
        return count;
    }

    /** Reads one record as its binding would (poison throws); the directory's binding, record by record, applies it. */
    private static void read(AnalyticsIngest ingest, String topic, Message<byte[]> message) {
        switch (topic) {
            case Topics.APPEALS_SUBMITTED -> ingest.readSubmitted(message);
            case Topics.APPEALS_LIFECYCLE -> ingest.readLifecycle(message);
            case Topics.APPEALS_FEEDBACK -> ingest.readFeedback(message);
            case Topics.NOTIFICATIONS_OUTCOMES -> ingest.readNotificationOutcome(message);
            case Topics.DEPARTMENTS_DIRECTORY -> ingest.directoryChange(message);
            default -> throw new IllegalArgumentException(topic);
        }
    }

    /** One batch of {@code topic}'s records, as its binding hands them to the ingest. */
    private static void dispatch(AnalyticsIngest ingest, String topic, List<Message<byte[]>> batch) {
        switch (topic) {
            case Topics.APPEALS_SUBMITTED -> ingest.submitted(batch.stream().map(ingest::readSubmitted).toList());
            case Topics.APPEALS_LIFECYCLE -> ingest.lifecycle(batch.stream().map(ingest::readLifecycle).toList());
            case Topics.APPEALS_FEEDBACK -> ingest.feedback(batch.stream().map(ingest::readFeedback)
                    .filter(Objects::nonNull).toList());
            case Topics.NOTIFICATIONS_OUTCOMES -> ingest.notificationOutcomes(batch.stream()
                    .map(ingest::readNotificationOutcome).toList());
            case Topics.DEPARTMENTS_DIRECTORY -> batch.forEach(ingest::directoryChange);
            default -> throw new IllegalArgumentException(topic);
        }
    }

    private static Message<byte[]> message(ConsumerRecord<byte[], byte[]> record) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(record.value());
        for (Header header : record.headers()) {
            builder.setHeader(header.key(), header.value());
        }
        return builder.build();
    }

    private Consumer<byte[], byte[]> newConsumer() {
        Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "replay-" + System.nanoTime(), false);
        return new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
    }

    private static List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS_IN_REPLAY_ORDER) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private MongoTemplate liveDatabase() {
        return new MongoTemplate(replayClient, "analytics");
    }

    /** Which surges were found: category and place (the detecting appeal may differ with the interleaving). */
    private static Set<String> places(Incidents incidents) {
        return incidents.since(Period.BEGINNING, Integer.MAX_VALUE).stream()
                .map(incident -> incident.category() + "@" + incident.scope() + ":" + incident.scopeValue())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void assertSameJson(Object replayed, Object live) {
        JsonNode replayedJson = JSON.valueToTree(replayed);
        JsonNode liveJson = JSON.valueToTree(live);
        assertThat(replayedJson.toString()).isEqualTo(liveJson.toString());
    }
}
