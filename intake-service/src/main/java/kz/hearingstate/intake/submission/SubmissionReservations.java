package kz.hearingstate.intake.submission;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Who said what under an idempotency key. Before an idempotent appeal is published, (channel, key) is reserved
 * together with the fingerprint of its content by one insert-if-absent on {@code _id} (the appealId, itself a
 * function of channel and key): of two concurrent requests exactly one reservation wins, and the other request
 * sees what the winner said. The reservation is no proof of publication: that is the appeal's status view, which
 * exists only once Kafka acknowledged the appeal ({@link SubmissionService}). No content is kept, only its one-way
 * fingerprint and the first receipt time.
 */
@Component
public class SubmissionReservations {

    static final String COLLECTION = "submission_reservations";

    /**
     * @param fingerprint what the first request said ({@code ContentFingerprint})
     * @param receivedAt  when the first request arrived: every retry answers and publishes with this time
     * @param heldBefore  whether an earlier request had reserved the key (else this one just did)
     */
    public record Reservation(String appealId, String fingerprint, Instant receivedAt, boolean heldBefore) {
    }

    private final MongoTemplate mongo;

    public SubmissionReservations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The reservation that holds for this appealId: this one if none was there, else the earlier one. */
    public Reservation reserve(String appealId, String fingerprint, Instant receivedAt) {
        try {
            mongo.insert(new Document("_id", appealId).append("fingerprint", fingerprint)
                    .append("receivedAt", Date.from(receivedAt)), COLLECTION);
            return new Reservation(appealId, fingerprint, receivedAt, false);
        } catch (DuplicateKeyException taken) {
            Document held = mongo.findById(appealId, Document.class, COLLECTION);
            if (held == null) {
                throw new IllegalStateException("Reservation " + appealId + " reported taken but not found", taken);
            }
            return new Reservation(appealId, held.getString("fingerprint"), held.getDate("receivedAt").toInstant(), true);
        }
    }
}
