package kz.hearingstate.intake.submission;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who said what under an idempotency key. Before an idempotent appeal is published, (channel, key) is reserved
 * together with the fingerprint of its content by one insert-if-absent on {@code _id} (the appealId, itself a
 * function of channel and key): of two concurrent requests exactly one reservation wins, and the other request
 * sees what the winner said. {@code published} turns true after Kafka's acknowledgement; until then a retry
 * of the same content publishes again (the reservation is no proof of publication), under the same event id.
 * No content is kept, only its one-way fingerprint and the first receipt time.
 */
@Component
public class SubmissionReservations {

    static final String COLLECTION = "submission_reservations";

    /**
     * @param fingerprint what the first request said ({@code ContentFingerprint})
     * @param receivedAt  when the first request arrived: every retry answers and publishes with this time
     * @param published   whether Kafka acknowledged the appeal
     */
    public record Reservation(String appealId, String fingerprint, Instant receivedAt, boolean published) {
    }

    private final MongoTemplate mongo;

    public SubmissionReservations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The reservation that holds for this appealId: this one if none was there, else the earlier one. */
    public Reservation reserve(String appealId, String fingerprint, Instant receivedAt) {
        try {
            mongo.insert(new Document("_id", appealId).append("fingerprint", fingerprint)
                    .append("receivedAt", Date.from(receivedAt)).append("published", false), COLLECTION);
            return new Reservation(appealId, fingerprint, receivedAt, false);
        } catch (DuplicateKeyException taken) {
            Document held = mongo.findById(appealId, Document.class, COLLECTION);
            if (held == null) {
                throw new IllegalStateException("Reservation " + appealId + " reported taken but not found", taken);
            }
            return new Reservation(appealId, held.getString("fingerprint"), held.getDate("receivedAt").toInstant(),
                    Boolean.TRUE.equals(held.getBoolean("published")));
        }
    }

    public void markPublished(String appealId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(appealId)), new Update().set("published", true), COLLECTION);
    }
}
