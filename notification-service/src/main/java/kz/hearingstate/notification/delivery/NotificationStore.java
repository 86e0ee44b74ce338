package kz.hearingstate.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kz.hearingstate.storage.IndexedCollection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The notifications collection. Each query below has its index, created at start-up. */
@Component
public class NotificationStore implements IndexedCollection {

    private final MongoTemplate mongo;

    public NotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return Notification.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(
                // due(): the delivery worker's poll.
                new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("status_dueAt"),
                // forAppeal(): the operators' list.
                new Index().on("appealId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC).named("appealId_createdAt"),
                // withUnpublishedOutcome(): outcomes whose publication failed, published again.
                new Index().on("outcomePublished", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                        .named("outcomePublished_status"));
    }

    /** @return false when a notification with this id exists already: the event was seen before. */
    public boolean insertIfNew(Notification notification) {
        try {
            mongo.insert(notification);
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** PENDING ones whose time has come, and SENDING ones whose claim ran out (their worker died). */
    public List<Notification> due(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").in(NotificationStatus.PENDING, NotificationStatus.SENDING)
                .and("dueAt").lte(now)).with(Sort.by("dueAt")).limit(limit);
        return mongo.find(query, Notification.class);
    }

    /**
     * Takes the notification for one attempt, if nobody else did since it was read: the attempt count
     * is the version, so of two workers only one wins.
     */
    public Optional<Notification> claim(Notification seen, Instant claimedUntil) {
        Query unchanged = Query.query(Criteria.where("_id").is(seen.id()).and("status").is(seen.status())
                .and("attempts").is(seen.attempts()));
        Update claim = new Update().set("status", NotificationStatus.SENDING).set("dueAt", claimedUntil).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(unchanged, claim, FindAndModifyOptions.options().returnNew(true),
                Notification.class));
    }

    /** Takes a PENDING notification that is due for one attempt, if nobody else did: one lookup by id. */
    public Optional<Notification> claimPending(String id, Instant now, Instant claimedUntil) {
        Query pending = Query.query(Criteria.where("_id").is(id).and("status").is(NotificationStatus.PENDING)
                .and("dueAt").lte(now));
        Update claim = new Update().set("status", NotificationStatus.SENDING).set("dueAt", claimedUntil).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(pending, claim, FindAndModifyOptions.options().returnNew(true),
                Notification.class));
    }

    public void markSent(String id, Instant sentAt) {
        mongo.updateFirst(byId(id), new Update().set("status", NotificationStatus.SENT).set("sentAt", sentAt)
                .unset("dueAt").unset("lastError"), Notification.class);
    }

    public void markFailed(String id, String error) {
        mongo.updateFirst(byId(id), new Update().set("status", NotificationStatus.FAILED).unset("dueAt")
                .set("lastError", error), Notification.class);
    }

    public void retryAt(String id, Instant dueAt, String error) {
        mongo.updateFirst(byId(id), new Update().set("status", NotificationStatus.PENDING).set("dueAt", dueAt)
                .set("lastError", error), Notification.class);
    }

    public void markOutcomePublished(String id) {
        mongo.updateFirst(byId(id), new Update().set("outcomePublished", true), Notification.class);
    }

    public List<Notification> withUnpublishedOutcome(int limit) {
        Query query = Query.query(Criteria.where("outcomePublished").is(false)
                .and("status").in(NotificationStatus.SENT, NotificationStatus.FAILED)).limit(limit);
        return mongo.find(query, Notification.class);
    }

    public List<Notification> forAppeal(String appealId) {
        return mongo.find(Query.query(Criteria.where("appealId").is(appealId)).with(Sort.by("createdAt")),
                Notification.class);
    }

    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Notification.class));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
