package kz.hearingstate.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import kz.hearingstate.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of the chosen topics, from offset 0 to the end as it is when asked: the ground truth
 * the fault suite checks the services against. Joins no consumer group and commits nothing.
 */
final class TopicLedger {

    /** One record with its CloudEvents id and type. */
    record Entry(String topic, int partition, long offset, String key, String eventId, String eventType,
                 long timestamp, byte[] value) {
        String body() {
            return value == null ? "" : new String(value, StandardCharsets.UTF_8);
        }
    }

    private TopicLedger() {
    }

    static List<Entry> read(Map<String, Object> kafka, Predicate<String> topics) {
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(20)).forEach((topic, infos) -> {
                if (topics.test(topic)) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(20)));
            ends.values().removeIf(end -> end == 0);
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!ends.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + ends.keySet() + " to the end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    entries.add(new Entry(record.topic(), record.partition(), record.offset(), record.key(),
                            header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
                            record.timestamp(), record.value()));
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        return entries;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
