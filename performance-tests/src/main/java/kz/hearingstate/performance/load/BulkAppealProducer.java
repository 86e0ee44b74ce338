package kz.hearingstate.performance.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The bulk path that grows the store before a measurement: {@code appeal.submitted.v1} events written
 * straight to {@code appeals.submitted}, as intake would write them (same headers, a body valid against
 * the schema), at the producer's full speed. The citizens ask not to be contacted, so nobody is e-mailed.
 */
public final class BulkAppealProducer {

    private BulkAppealProducer() {
    }

    /** Writes {@code count} appeals and returns once the broker acknowledged every one. */
    /** @param kafka a client's connection settings (bootstrap servers, credentials) that may write appeals.submitted */
    public static void produce(Map<String, Object> kafka, long count, String runId) {
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        AtomicReference<Exception> failure = new AtomicReference<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                String appealId = UUID.nameUUIDFromBytes((runId + ":" + i).getBytes(StandardCharsets.UTF_8)).toString();
                producer.send(record(appealId, appealId + ":submitted", body(appealId, i, now).getBytes(StandardCharsets.UTF_8), now),
                        (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The bulk load was not acknowledged", failure.get());
        }
    }

    /**
     * A record on {@code appeals.submitted} as intake writes it: keyed by appealId, CloudEvents headers
     * typed {@code appeal.submitted.v1}, with whatever {@code body} (fault tests pass broken ones). Each
     * distinct record needs its own {@code eventId}: consumers treat a repeated id as a redelivery.
     */
    public static ProducerRecord<String, byte[]> record(String appealId, String eventId, byte[] body, Instant now) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, eventId);
        header(headers, CloudEventHeaders.TYPE, EventTypes.APPEAL_SUBMITTED);
        header(headers, CloudEventHeaders.SOURCE, "/performance-tests/bulk");
        header(headers, CloudEventHeaders.TIME, now.toString());
        header(headers, CloudEventHeaders.SUBJECT, appealId);
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_JSON);
        return new ProducerRecord<>(Topics.APPEALS_SUBMITTED, null, appealId, body, headers);
    }

    /**
     * A valid {@code appeal.submitted.v1} body of a signed appeal (routing rejects anonymous ones under the
     * APPK) whose citizen asked not to be contacted, so that a preload does not queue e-mails.
     */
    public static String body(String appealId, long sequence, Instant now) {
        String text = AppealBodies.text(sequence);
        return """
                {"appealId":"%s","trackingCode":"ZH-BULK-%d","channel":"bulk","externalId":null,"type":"COMPLAINT",\
                "subject":null,"text":"%s","language":"ru","languageDetected":true,"categoryHint":null,\
                "anonymous":false,"citizen":{"fullName":"Bulk Citizen %d","iin":null,"phone":null,"email":null,\
                "preferredContact":"NONE","language":"ru"},"location":null,"attachments":null,\
                "receivedAt":"%s","registeredAt":"%s","deadline":"%s"}"""
                .formatted(appealId, sequence, text, sequence, now, now, now.plus(Duration.ofDays(21)));
    }

    static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
