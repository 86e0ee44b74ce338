package kz.hearingstate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * {@link DeadLetterErrorHandling} on a real broker and listener container: a failure to reach the store is retried
 * for as long as it lasts, any other failure is dead-lettered after {@code maxAttempts} deliveries.
 */
@EmbeddedKafka(partitions = 1)
class DeadLetterErrorHandlingIntegrationTest {

    private static final int MAX_ATTEMPTS = 4;
    /** Well past the attempts any other failure gets. */
    private static final int OUTAGE_DELIVERIES = 3 * MAX_ATTEMPTS;
    private static final MessagingProperties.Retry RETRY = new MessagingProperties.Retry(MAX_ATTEMPTS,
            Duration.ofMillis(10), 2.0, Duration.ofMillis(50), Duration.ofSeconds(10));
    private static final String GROUP = "store-outage-test";

    private final List<KafkaMessageListenerContainer<byte[], byte[]>> containers = new ArrayList<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    @AfterEach
    void stopContainers() {
        containers.forEach(KafkaMessageListenerContainer::stop);
    }

    @Test
    void givenTheStoreUnreachableForManyBatchDeliveries_whenItIsBack_thenTheBatchIsHandledAndNothingIsDeadLettered(
            EmbeddedKafkaBroker broker) {
        String topic = topic();
        Supplier<RuntimeException> outage = () -> new DataAccessResourceFailureException("Timed out selecting a server");
        start(broker, topic, (BatchMessageListener<byte[], byte[]>) records -> {
            if (deliveries.incrementAndGet() <= OUTAGE_DELIVERIES) {
                // What EventBatches throws when its handler meets a store outage: the first record named, the cause wrapped.
                throw new BatchListenerFailedException("Handling " + records.size() + " events failed", outage.get(), 0);
            }
            records.forEach(record -> handled.add(value(record)));
        });

        send(broker, topic, "first", "second");

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.containsAll(List.of("first", "second")));
        assertThat(deliveries).hasValueGreaterThan(OUTAGE_DELIVERIES);
        assertThat(deadLetters(broker, topic)).isEmpty();
    }

    @Test
    void givenTheStoreUnreachableForManyRecordDeliveries_whenItIsBack_thenTheRecordIsHandledAndNothingIsDeadLettered(
            EmbeddedKafkaBroker broker) {
        String topic = topic();
        start(broker, topic, (MessageListener<byte[], byte[]>) record -> {
            if (deliveries.incrementAndGet() <= OUTAGE_DELIVERIES) {
                throw new IllegalStateException("Handler failed",
                        new DataAccessResourceFailureException("Prematurely reached end of stream"));
            }
            handled.add(value(record));
        });

        send(broker, topic, "only");

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("only"));
        assertThat(deliveries).hasValue(OUTAGE_DELIVERIES + 1);
        assertThat(deadLetters(broker, topic)).isEmpty();
    }

    @Test
    void givenAFailureThatIsNotAnOutage_whenItPersists_thenTheRecordIsDeadLetteredAfterMaxAttemptsAndTheNextIsHandled(
            EmbeddedKafkaBroker broker) {
        String topic = topic();
        start(broker, topic, (BatchMessageListener<byte[], byte[]>) records -> {
            for (int index = 0; index < records.size(); index++) {
                if (value(records.get(index)).equals("broken")) {
                    deliveries.incrementAndGet();
                    throw new BatchListenerFailedException("a bug", new IllegalStateException("a bug"), index);
                }
                handled.add(value(records.get(index)));
            }
        });

        send(broker, topic, "broken", "after");

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("after"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters(broker, topic).isEmpty());
        assertThat(deadLetters(broker, topic)).containsExactly("broken");
        assertThat(deliveries).hasValue(MAX_ATTEMPTS);
    }

    private void start(EmbeddedKafkaBroker broker, String topic, Object listener) {
        Map<String, Object> config = new HashMap<>(KafkaTestUtils.consumerProps(broker, GROUP, false));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener(listener);
        KafkaMessageListenerContainer<byte[], byte[]> container =
                new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
        Map<String, Object> adminConfig = Map.of("bootstrap.servers", broker.getBrokersAsString());
        new DeadLetterErrorHandling(template(broker), RETRY, new SimpleMeterRegistry(),
                new DeadLetterTopics(adminConfig, 1, (short) 1)).configure(container, topic, GROUP, null, null);
        container.start();
        containers.add(container);
    }

    private static void send(EmbeddedKafkaBroker broker, String topic, String... values) {
        KafkaTemplate<Object, Object> template = template(broker);
        for (String value : values) {
            template.send(topic, value.getBytes(StandardCharsets.UTF_8)).join();
        }
        template.destroy();
    }

    private static KafkaTemplate<Object, Object> template(EmbeddedKafkaBroker broker) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static List<String> deadLetters(EmbeddedKafkaBroker broker, String topic) {
        Map<String, Object> config = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of(Topics.deadLetter(topic, GROUP)));
            List<String> values = new ArrayList<>();
            KafkaTestUtils.getRecords(reader, Duration.ofSeconds(3)).forEach(record -> values.add(value(record)));
            return values;
        }
    }

    private static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String topic() {
        return "outage-" + UUID.randomUUID();
    }
}
