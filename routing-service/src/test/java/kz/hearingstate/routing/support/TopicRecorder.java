package kz.hearingstate.routing.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Records everything routing publishes (lifecycle, inboxes, directory) with an independent consumer of
 * its own group, reading from the beginning; new inbox topics are picked up within half a second.
 */
public final class TopicRecorder implements AutoCloseable {

    /** One consumed record: topic, key, CloudEvents id and type, and the JSON body. */
    public record Recorded(String topic, String key, String id, String type, String body) {
    }

    private final List<Recorded> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "routing-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        thread = new Thread(this::poll, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            consumer.subscribe(Pattern.compile("appeals\\.lifecycle|departments\\.directory|departments\\..+\\.inbox"));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(new Recorded(record.topic(), record.key(), header(record, CloudEventHeaders.ID),
                            header(record, CloudEventHeaders.TYPE), new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public List<Recorded> all() {
        return List.copyOf(records);
    }

    public List<Recorded> forKey(String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    public List<Recorded> ofType(String key, String type) {
        return records.stream().filter(r -> key.equals(r.key()) && type.equals(r.type())).toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
