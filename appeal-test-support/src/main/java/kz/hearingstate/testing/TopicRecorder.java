package kz.hearingstate.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import kz.hearingstate.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records topics from the beginning on a background thread, as an independent Kafka client would: a consumer
 * group of its own, so it never takes records from the service under test. Topics matching a pattern that
 * appear later (a new department's inbox) are picked up within half a second.
 */
public final class TopicRecorder implements AutoCloseable {

    /** One consumed record: topic, key, CloudEvents id and type, and the JSON body. */
    public record Recorded(String topic, String key, String id, String type, String body) {
    }

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    /** Records the named topics. */
    public TopicRecorder(String bootstrapServers, Collection<String> topics) {
        this(bootstrapServers, consumer -> consumer.subscribe(topics));
    }

    /** Records every topic matching {@code topics}, also those created later. */
    public TopicRecorder(String bootstrapServers, Pattern topics) {
        this(bootstrapServers, consumer -> consumer.subscribe(topics));
    }

    private TopicRecorder(String bootstrapServers, Consumer<KafkaConsumer<String, byte[]>> subscription) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        subscription.accept(consumer);
        thread = Thread.ofPlatform().daemon().name("topic-recorder").start(this::poll);
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException stopping) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** The records of {@code topic} so far, as Kafka delivered them. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    public List<Recorded> all() {
        return records.stream().map(TopicRecorder::recorded).toList();
    }

    public List<Recorded> forKey(String key) {
        return all().stream().filter(r -> key.equals(r.key())).toList();
    }

    public List<Recorded> ofType(String key, String type) {
        return all().stream().filter(r -> key.equals(r.key()) && type.equals(r.type())).toList();
    }

    /** A header's value as text, null when the record has none. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Recorded recorded(ConsumerRecord<String, byte[]> record) {
        return new Recorded(record.topic(), record.key(), header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE), new String(record.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
