package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** A record analytics can never read goes to its dead-letter topic and does not hold up the partition. */
class PoisonRecordIntegrationTest extends AnalyticsIntegrationTest {

    private static final String PERIOD = "from=2025-04-01&to=2025-05-01";

    @Test
    void givenAPoisonRecordBeforeAValidOne_whenConsumed_thenThePoisonIsDeadLetteredAndTheValidOneCounted() throws Exception {
        String poisonKey = "poison-" + System.nanoTime();
        try (Producer<String, String> producer = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer()).createProducer()) {
            ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.APPEALS_SUBMITTED, poisonKey,
                    "{\"appealId\": \"" + poisonKey + "\", \"text\": \"schema says no\"}");
            poison.headers().add(CloudEventHeaders.ID, poisonKey.getBytes(StandardCharsets.UTF_8));
            poison.headers().add(CloudEventHeaders.TYPE, EventTypes.APPEAL_SUBMITTED.getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        Instant received = Instant.parse("2025-04-07T05:00:00Z");
        send(submitted("after-poison", "web", Language.en, null, null, null, null, received, received.plus(Duration.ofDays(15))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getJson("/api/v1/stats/summary?" + PERIOD).at("/figures/received").asInt()).isEqualTo(1));
        List<ConsumerRecord<String, String>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(poisonKey), records -> !records.isEmpty());
        assertThat(deadLetters).hasSize(1);
        assertThat(new String(deadLetters.getFirst().headers().lastHeader("kafka_dlt-exception-stacktrace").value(),
                StandardCharsets.UTF_8)).contains("PoisonEventException", "violates its schema");
    }

    @Test
    void givenEventsOfTypesTheirTopicsDoNotCarry_whenConsumed_thenEachIsDeadLetteredNotReadAsItsTopicsTypeNorPassedOver() {
        // A valid notification outcome on appeals.submitted would have been read as a submission with no data (its
        // appeal then ignoring its real submission); a feedback version analytics does not know yet was passed over.
        String misplacedKey = "misplaced-" + System.nanoTime();
        publisher.publish(Topics.APPEALS_SUBMITTED, misplacedKey, "outcome:" + misplacedKey, EventTypes.NOTIFICATION_OUTCOME,
                TestEvents.outcome("n-" + misplacedKey, misplacedKey, "DELIVERED", Instant.parse("2025-04-07T05:00:00Z")));
        String newerKey = "feedback-v2-" + System.nanoTime();
        publisher.publish(Topics.APPEALS_FEEDBACK, newerKey, "feedback:" + newerKey, "appeal.feedback.v2",
                TestEvents.feedback("f-" + newerKey, newerKey, 5, true, Instant.parse("2025-04-08T05:00:00Z")));

        for (String[] topicAndKey : new String[][] {{Topics.APPEALS_SUBMITTED, misplacedKey}, {Topics.APPEALS_FEEDBACK, newerKey}}) {
            List<ConsumerRecord<String, String>> deadLetters = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters(topicAndKey[0], topicAndKey[1]), records -> !records.isEmpty());
            assertThat(new String(deadLetters.getFirst().headers().lastHeader("kafka_dlt-exception-stacktrace").value(),
                    StandardCharsets.UTF_8)).as(topicAndKey[0]).contains("PoisonEventException", "Expected ");
        }
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key) {
        return deadLetters(Topics.APPEALS_SUBMITTED, key);
    }

    private List<ConsumerRecord<String, String>> deadLetters(String topic, String key) {
        Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "dlq-reader-" + System.nanoTime(), false);
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.deadLetter(topic, "analytics")));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(3)).forEach(record -> {
                if (key.equals(record.key())) {
                    records.add(record);
                }
            });
            return records;
        }
    }
}
