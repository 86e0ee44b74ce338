package kz.hearingstate.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records as another service's {@code EventPublisher} would (CloudEvents 1.0 in binary mode: the
 * {@code ce_} headers, a JSON body, keyed by appealId, {@code acks=all}), or any bytes under those headers, as
 * a broken or hostile producer might. For tests that play the other side of a topic.
 */
public final class CloudEventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public CloudEventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * A record with the headers {@code EventPublisher} sets (source {@code /tests}, subject = key).
     *
     * @param partition the partition to write to, or null for the key's partition
     */
    public static ProducerRecord<String, byte[]> record(String topic, Integer partition, String key, String eventId,
            String eventType, byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        Map.of(CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, eventType,
                CloudEventHeaders.SOURCE, "/tests",
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SUBJECT, key,
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_JSON)
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, partition, key, body, headers);
    }

    /** Sends {@code body} under CloudEvents headers to the key's partition and waits for the broker's ack. */
    public RecordMetadata publish(String topic, String key, String eventId, String eventType, byte[] body) {
        return send(record(topic, null, key, eventId, eventType, body));
    }

    /** Sends one record and waits for the broker's ack. */
    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        return sendAll(List.of(record)).getFirst();
    }

    /** Sends the records without waiting between them, so consumers get them in as few polls as possible. */
    public List<RecordMetadata> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sends = records.stream().map(producer::send).toList();
        List<RecordMetadata> acknowledged = new ArrayList<>();
        try {
            for (Future<RecordMetadata> send : sends) {
                acknowledged.add(send.get(10, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Test could not publish " + records.size() + " records", e);
        }
        return acknowledged;
    }

    @Override
    public void close() {
        producer.close();
    }
}
