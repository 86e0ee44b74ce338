package kz.hearingstate.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A department system that tries to close an appeal it does not hold: a well-formed {@code department.action.v1}
 * REJECT whose body claims {@code claimedDepartment}, sent with another principal's credentials.
 */
record ForgedAction(Map<String, Object> clientConfig, String appealId, String claimedDepartment) {

    /** Sends the REJECT to {@code topic}; the broker's refusal, or null when the broker took it. */
    Throwable sendTo(String topic) {
        Properties properties = new Properties();
        properties.putAll(clientConfig);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
        String actionId = "forged-" + UUID.randomUUID();
        String body = "{\"actionId\":\"" + actionId + "\",\"appealId\":\"" + appealId + "\",\"action\":\"REJECT\","
                + "\"department\":\"" + claimedDepartment + "\",\"actor\":\"clerk\",\"reason\":\"closed\","
                + "\"occurredAt\":\"" + Instant.now() + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, appealId, body);
        Map.of(CloudEventHeaders.ID, actionId, CloudEventHeaders.TYPE, EventTypes.DEPARTMENT_ACTION,
                CloudEventHeaders.SOURCE, "/forger", CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SUBJECT, appealId, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_JSON)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(record).get(20, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException refused) {
            return refused;
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the forged action to " + topic, e);
        }
    }

    /** The keys on {@code topic}, beginning to end, read without a consumer group. */
    static List<String> keysOn(Map<String, Object> clientConfig, String topic) {
        Properties properties = new Properties();
        properties.putAll(clientConfig);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
        }
        return keys;
    }
}
