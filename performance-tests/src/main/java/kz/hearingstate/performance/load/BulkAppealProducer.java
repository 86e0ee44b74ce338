package kz.hearingstate.performance.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * {@code appeal.submitted.v1} records as intake writes them (same headers, a body valid against the schema),
 * for tests that write to {@code appeals.submitted} directly. The citizens ask not to be contacted, so nobody
 * is e-mailed. (The benchmark grows its store with {@link StorePreload}, without Kafka.)
 */
public final class BulkAppealProducer {

    private BulkAppealProducer() {
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
                "subject":null,"text":"%s","language":"ru","languageDetected":true,"categoryHint":"%s",\
                "anonymous":false,"citizen":{"fullName":"Bulk Citizen %d","iin":null,"phone":null,"email":null,\
                "preferredContact":"NONE","language":"ru"},\
                "location":{"district":"Жамбылский район","settlement":"%s","address":null,"lat":43.22,"lon":76.31},\
                "attachments":null,"receivedAt":"%s","registeredAt":"%s","deadline":"%s"}"""
                .formatted(appealId, sequence, text, AppealBodies.topic(sequence), sequence, AppealBodies.settlement(sequence),
                        now, now, now.plus(Duration.ofDays(21)));
    }

    static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
