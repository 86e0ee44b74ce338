package kz.hearingstate.notification.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;

import kz.hearingstate.notification.privacy.Masking;
import kz.hearingstate.storage.IndexedCollection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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

    /**
     * Inserts the notifications in one write, each unless one with its id exists already (the event was seen
     * before: a redelivered batch, or another instance got there first).
     *
     * @return the ids this call inserted
     */
    public Set<String> insertAllNew(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return Set.of();
        }
        Set<Integer> alreadyRecorded = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Notification.class).insert(notifications).execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                alreadyRecorded.add(error.getIndex());
            }
        }
        Set<String> inserted = new LinkedHashSet<>();
        for (int index = 0; index < notifications.size(); index++) {
            if (!alreadyRecorded.contains(index)) {
                inserted.add(notifications.get(index).id());
            }
        }
        return inserted;
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

    /**
     * Takes those of {@code ids} that are PENDING and due for one attempt, if nobody else did, in two round
     * trips: one update marks them with a claim of its own, one read returns what carries that claim.
     *
     * @return the claimed notifications, in the order of {@code ids}
     */
    public List<Notification> claimPending(List<String> ids, Instant now, Instant claimedUntil) {
        String claimId = UUID.randomUUID().toString();
        Query pending = Query.query(Criteria.where("_id").in(ids).and("status").is(NotificationStatus.PENDING)
                .and("dueAt").lte(now));
        Update claim = new Update().set("status", NotificationStatus.SENDING).set("dueAt", claimedUntil)
                .set("claim", claimId).inc("attempts", 1);
        if (mongo.updateMulti(pending, claim, Notification.class).getModifiedCount() == 0) {
            return List.of();
        }
        Map<String, Notification> claimed = mongo.find(Query.query(Criteria.where("_id").in(ids).and("claim").is(claimId)),
                Notification.class).stream().collect(Collectors.toMap(Notification::id, notification -> notification));
        return ids.stream().map(claimed::get).filter(Objects::nonNull).toList();
    }

    /**
     * What became of claimed notifications (sent, failed, or due again), in one write; returns the results written. Each result is written only while
     * the notification is still under the claim that produced it (SENDING, at the same attempt): when an attempt outlived
     * its lease and another worker took the notification again, that worker's result stands. Once a notification is
     * done with, its text keeps no private link's secret ({@link Masking#withoutAccessSecrets}).
     */
    public List<Notification> recordAttempts(List<Notification> attempted) {
        if (attempted.isEmpty()) {
            return attempted;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Notification.class);
        for (Notification notification : attempted) {
            Update update = switch (notification.status()) {
                case SENT -> done(notification).set("status", NotificationStatus.SENT).set("sentAt", notification.sentAt())
                        .unset("dueAt").unset("lastError");
                case FAILED -> done(notification).set("status", NotificationStatus.FAILED).unset("dueAt")
                        .set("lastError", notification.lastError());
                case PENDING -> new Update().set("status", NotificationStatus.PENDING).set("dueAt", notification.dueAt())
                        .set("lastError", notification.lastError());
                default -> throw new IllegalArgumentException("Not the result of an attempt: " + notification.status());
            };
            Query stillOurs = Query.query(Criteria.where("_id").is(notification.id()).and("status").is(NotificationStatus.SENDING)
                    .and("attempts").is(notification.attempts()));
            writes.updateOne(stillOurs, update.unset("claim"));
        }
        if (writes.execute().getMatchedCount() == attempted.size()) {
            return attempted;
        }
        // Some attempt outlived its claim: only the results written stand (another worker's attempt the others).
        Map<String, Notification> now = mongo.find(Query.query(Criteria.where("_id").in(attempted.stream().map(Notification::id)
                .toList())), Notification.class).stream().collect(Collectors.toMap(Notification::id, n -> n));
        return attempted.stream().filter(result -> {
            Notification stored = now.get(result.id());
            return stored != null && stored.status() == result.status() && stored.attempts() == result.attempts()
                    && stored.claim() == null;
        }).toList();
    }

    private static Update done(Notification notification) {
        return new Update().set("subject", Masking.withoutAccessSecrets(notification.subject()))
                .set("body", Masking.withoutAccessSecrets(notification.body()));
    }

    public void markOutcomesPublished(Collection<String> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("outcomePublished", true),
                Notification.class);
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
}
