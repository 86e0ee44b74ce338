package kz.hearingstate.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

import kz.hearingstate.events.Topics;
import kz.hearingstate.localstack.TopicCatalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An independent Kafka client reading every department inbox from the beginning, as a department's
 * own system would: no consumer group, no Spring, just the topic names of the contract.
 */
final class InboxReader implements AutoCloseable {

    /** One record read off {@code departments.<code>.inbox}. */
    record InboxRecord(String topic, String key, String value, Instant timestamp) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<InboxRecord> records = new ArrayList<>();

    /** @param clientConfig bootstrap servers and credentials of a principal that may read every inbox */
    InboxReader(Map<String, Object> clientConfig) {
        Properties properties = new Properties();
        properties.putAll(clientConfig);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String code : TopicCatalog.DEPARTMENT_CODES) {
            String topic = Topics.departmentInbox(code);
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until every key in {@code appealIds} has been seen (or the timeout), then a little longer for duplicates. */
    List<InboxRecord> readUntilSeen(Collection<String> appealIds, Duration timeout) {
        Set<String> wanted = Set.copyOf(appealIds);
        Predicate<List<InboxRecord>> allSeen = read -> read.stream().map(InboxRecord::key)
                .collect(java.util.stream.Collectors.toSet()).containsAll(wanted);
        Instant deadline = Instant.now().plus(timeout);
        while (!allSeen.test(records) && Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(200));
        }
        // A duplicate routing would land moments later: give it a chance to show up.
        poll(Duration.ofSeconds(2));
        return List.copyOf(records);
    }

    private void poll(Duration duration) {
        for (ConsumerRecord<String, String> record : consumer.poll(duration)) {
            records.add(new InboxRecord(record.topic(), record.key(), record.value(),
                    Instant.ofEpochMilli(record.timestamp())));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
