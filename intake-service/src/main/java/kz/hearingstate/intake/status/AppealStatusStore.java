package kz.hearingstate.intake.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.directory.DepartmentDirectory;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.storage.IndexedCollection;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads and idempotent writes of {@link AppealStatusView}. Every write is an upsert by appealId; a
 * lifecycle event applies only if its {@code sequence} is newer than the stored one, so stale and
 * redelivered events change nothing. Submitted and lifecycle events travel on different topics and
 * may arrive in either order; neither overwrites what only the other knows.
 */
@Component
public class AppealStatusStore implements IndexedCollection {

    /** Lifecycle kinds that are internal to the akimat and not part of the citizen's history. */
    private static final Set<LifecycleType> INTERNAL = Set.of(LifecycleType.SLA_WARNING, LifecycleType.SLA_BREACHED,
            LifecycleType.ESCALATED);
    /**
     * Kinds whose reason is addressed to the citizen. Not a reopening's: routing's text around the citizen's own rating
     * and comment, personal data the status view does not echo.
     */
    private static final Set<LifecycleType> REASON_SHOWN = Set.of(LifecycleType.INFO_REQUESTED, LifecycleType.REJECTED,
            LifecycleType.FORWARDED, LifecycleType.EXTENDED);

    /**
     * How many appeals this instance remembers having recorded itself, and for how long: the projection reads their
     * submissions back from {@code appeals.submitted} within seconds while it keeps up.
     */
    private static final int RECORDED_KEPT = 10_000;
    private static final Duration RECORDED_FOR = Duration.ofMinutes(1);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoTemplate mongo;
    private final CitizenSecrets secrets;
    private final Set<String> confidentialDepartments;
    private final Supplier<Set<String>> flaggedConfidential;
    /**
     * Appeals whose submission this instance wrote to the view ({@link #applySubmitted}) and the store confirmed: the
     * projection's writes of the same submission would change nothing, so it leaves them out (three updates of an
     * appeal's eight, and most of their cost to the store). Another instance, or this one after a restart or a minute,
     * writes them as before: they are idempotent.
     */
    private final Cache<String, Boolean> recordedHere = Caffeine.newBuilder().maximumSize(RECORDED_KEPT)
            .expireAfterWrite(RECORDED_FOR).build();

    /** For tests: only the configured departments are confidential. */
    public AppealStatusStore(MongoTemplate mongo, CitizenSecrets secrets, IntakeProperties properties) {
        this(mongo, secrets, properties, Set::of);
    }

    /**
     * @param flaggedConfidential the departments the directory flags confidential, deleted ones included; the
     *                            configured ones are confidential besides, before the directory has named them
     */
    @Autowired
    public AppealStatusStore(MongoTemplate mongo, CitizenSecrets secrets, IntakeProperties properties,
            DepartmentDirectory directory) {
        this(mongo, secrets, properties, directory::confidentialCodes);
        directory.whenFlaggedConfidential(this::markConfidential);
    }

    private AppealStatusStore(MongoTemplate mongo, CitizenSecrets secrets, IntakeProperties properties,
            Supplier<Set<String>> flaggedConfidential) {
        this.mongo = mongo;
        this.secrets = secrets;
        this.confidentialDepartments = Set.copyOf(properties.confidentialDepartments());
        this.flaggedConfidential = flaggedConfidential;
    }

    @Override
    public Class<?> documentType() {
        return AppealStatusView.class;
    }

    /** One index per query: tracking-code and secret lookups, the Open311 request list (category, status, date). */
    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("trackingCode", Sort.Direction.ASC).named("trackingCode"),
                new Index().on("accessHash", Sort.Direction.ASC).named("accessHash"),
                new Index().on("receivedAt", Sort.Direction.DESC).named("receivedAt"),
                new Index().on("category", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC)
                        .named("category_receivedAt"),
                new Index().on("closed", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC)
                        .named("closed_receivedAt"));
    }

    public Optional<AppealStatusView> findById(String appealId) {
        return Optional.ofNullable(mongo.findById(appealId, AppealStatusView.class));
    }

    public Optional<AppealStatusView> findByTrackingCode(String trackingCode) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("trackingCode").is(trackingCode)),
                AppealStatusView.class));
    }

    /** The appeal a citizen's access secret opens (by the secret's hash; the secret itself is not stored). */
    public Optional<AppealStatusView> findByAccessSecret(String secret) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("accessHash")
                .is(CitizenSecrets.lookupHash(secret))), AppealStatusView.class));
    }

    /**
     * What the public may list ({@link AppealStatusView#publiclyListed}): routed, never confidential. Newest first,
     * at most {@code limit}; every argument but the limit is optional.
     */
    public List<AppealStatusView> searchPublic(String category, Boolean closed, Instant from, Instant to, int limit) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("department").ne(null));
        criteria.add(Criteria.where("confidential").ne(true));
        if (category != null) {
            criteria.add(Criteria.where("category").is(category));
        }
        if (closed != null) {
            criteria.add(Criteria.where("closed").is(closed));
        }
        if (from != null || to != null) {
            Criteria received = Criteria.where("receivedAt");
            if (from != null) {
                received = received.gte(from);
            }
            if (to != null) {
                received = received.lte(to);
            }
            criteria.add(received);
        }
        Query query = Query.query(new Criteria().andOperator(criteria));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit), AppealStatusView.class);
    }

    /**
     * Applies a poll's events, in their order, in one ordered bulk write. Every write is one of the atomic,
     * guarded updates below, so the guards stay in the database: another instance writing the same appeal at
     * once (the two topics' partitions may be with different instances), a redelivered batch, or events out of
     * order change nothing they should not, without reading the views first.
     *
     * <p>The writes are plain BSON documents, not Spring Data's {@code Update}s: mapping each update and query
     * against the view's entity metadata took 7 % of intake's CPU under load, as much as the driver's own work, for
     * field names that are the documents' own (the benchmark's README, 5 Dec 2026).
     *
     * <p>A submission this instance recorded itself a moment ago ({@link #recordedHere}) is not written again; its view
     * exists, so the batch's lifecycle events of that appeal need no upsert either.
     *
     * @param events {@link AppealSubmitted} and {@link AppealLifecycleEvent}s
     */
    public void applyAll(List<?> events) {
        List<WriteModel<Document>> writes = new ArrayList<>(events.size() * 2);
        Set<String> upserted = new HashSet<>();
        for (Object event : events) {
            switch (event) {
                case AppealSubmitted submitted -> {
                    upserted.add(submitted.appealId());
                    if (recordedHere.getIfPresent(submitted.appealId()) == null) {
                        applySubmitted(writes, submitted);
                    }
                }
                case AppealLifecycleEvent lifecycle -> applyLifecycle(writes, lifecycle, upserted.add(lifecycle.appealId())
                        && recordedHere.getIfPresent(lifecycle.appealId()) == null);
                default -> throw new IllegalArgumentException("Not an event of the status view: " + event.getClass());
            }
        }
        write(writes);
    }

    /**
     * Intake's own record of a submission Kafka acknowledged, written at once, before the projection reads it back; once
     * the store confirmed it, the projection leaves that submission out.
     */
    public void applySubmitted(AppealSubmitted event) {
        // Forgotten first: a retry's write that fails (the view lost since the first, say) leaves it to the projection.
        recordedHere.invalidate(event.appealId());
        List<WriteModel<Document>> writes = new ArrayList<>(3);
        applySubmitted(writes, event);
        write(writes);
        recordedHere.put(event.appealId(), Boolean.TRUE);
    }

    private void write(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            mongo.execute(AppealStatusView.COLLECTION, collection -> collection.bulkWrite(writes, ORDERED));
        }
    }

    /**
     * The first submission of an appeal wins: a republished retry (same appealId, later receivedAt) leaves
     * the times the citizen was first given, as consumers deduplicating by event id also keep the first.
     */
    private void applySubmitted(List<WriteModel<Document>> writes, AppealSubmitted event) {
        // The secret the citizen was given: the event's where it carries one, else (an anonymous appeal's never travels)
        // computed under the key. Kept once and never replaced, so that a redelivery, or a rebuild of the view, after
        // CITIZEN_ACCESS_KEY changed leaves every link already sent working (an anonymous one's after a rebuild aside).
        String accessHash = CitizenSecrets.lookupHash(event.accessSecret() != null ? event.accessSecret()
                : secrets.secretOf(event.appealId()));
        writes.add(new UpdateOneModel<>(byId(event.appealId()), new Document()
                .append("$setOnInsert", new Document("trackingCode", event.trackingCode())
                        .append("category", event.categoryHint())
                        .append("status", AppealStatus.SUBMITTED.name())
                        .append("closed", false)
                        .append("sequence", 0L)
                        .append("updatedAt", date(event.receivedAt()))
                        .append("accessHash", accessHash)),
                UPSERT));
        // A view a lifecycle event made first (Kafka's topics are not ordered with each other) has no hash yet.
        writes.add(new UpdateOneModel<>(new Document("_id", event.appealId()).append("accessHash", new Document("$exists", false)),
                new Document("$set", new Document("accessHash", accessHash))));
        Document firstSubmission = new Document()
                .append("$set", new Document("trackingCode", event.trackingCode())
                        .append("channel", event.channel())
                        .append("receivedAt", date(event.receivedAt()))
                        .append("registeredAt", date(event.registeredAt()))
                        .append("initialDeadline", date(event.deadline())))
                .append("$addToSet", new Document("history",
                        historyEntry(0, "SUBMITTED", AppealStatus.SUBMITTED, null, null, event.receivedAt(), null)));
        writes.add(new UpdateOneModel<>(byId(event.appealId()).append("receivedAt", null), firstSubmission));
    }

    /**
     * Applies only if the event's sequence is newer than the view's.
     *
     * @param upsert whether the view may not exist yet (no earlier write of this batch created it)
     */
    private void applyLifecycle(List<WriteModel<Document>> writes, AppealLifecycleEvent event, boolean upsert) {
        if (upsert) {
            writes.add(new UpdateOneModel<>(byId(event.appealId()), new Document("$setOnInsert",
                    new Document("trackingCode", event.trackingCode())
                            .append("status", AppealStatus.SUBMITTED.name())
                            .append("closed", false)
                            .append("sequence", 0L)), UPSERT));
        }
        if (isConfidential(event.department()) || isConfidential(event.previousDepartment())) {
            // Whatever the event's order: once with a confidential department, never public again.
            writes.add(new UpdateOneModel<>(byId(event.appealId()), new Document("$set", new Document("confidential", true))));
        }
        Document set = new Document("sequence", event.sequence())
                .append("status", event.status().name())
                .append("closed", event.status().isClosed())
                .append("updatedAt", date(event.occurredAt()));
        setIfPresent(set, "department", event.department());
        setIfPresent(set, "category", event.category());
        setIfPresent(set, "deadline", date(event.deadline()));
        if (event.type() == LifecycleType.ANSWERED) {
            set.append("answer", event.answer()).append("answeredAt", date(event.occurredAt()))
                    .append("answeredSequence", event.sequence());
        }
        if (event.type() == LifecycleType.INFO_REQUESTED) {
            set.append("infoRequestedSequence", event.sequence());
        }
        Document update = new Document("$set", set);
        if (!INTERNAL.contains(event.type())) {
            update.append("$push", new Document("history", historyEntry(event.sequence(), event.type().name(),
                    event.status(), event.department(), REASON_SHOWN.contains(event.type()) ? event.reason() : null,
                    event.occurredAt(), AppealStatusView.HistoryEntry.byActor(event.actor()))));
        }
        writes.add(new UpdateOneModel<>(byId(event.appealId())
                .append("sequence", new Document("$lt", event.sequence())), update));
    }

    /** The citizen's reply (its digest) to the request for information of this sequence is on its way. */
    public void markReplied(String appealId, long infoRequestedSequence, String digest) {
        markStep(appealId, "repliedToSequence", infoRequestedSequence, "replyDigest", digest);
    }

    /** The citizen's rating (its digest) of the answer of this sequence is on its way. */
    public void markRated(String appealId, long answeredSequence, String digest) {
        markStep(appealId, "ratedSequence", answeredSequence, "ratingDigest", digest);
    }

    /**
     * The first mark of a step wins (of two different replies sent at the same moment, the one marked first is the
     * one a retry is compared with), and a mark never goes back to an earlier step.
     */
    private void markStep(String appealId, String sequenceField, long sequence, String digestField, String digest) {
        mongo.getCollection(AppealStatusView.COLLECTION).updateOne(
                byId(appealId).append(sequenceField, new Document("$not", new Document("$gte", sequence))),
                new Document("$set", new Document(sequenceField, sequence).append(digestField, digest)));
    }

    /** Never public again, every appeal the department holds: it is (now) a confidential one. */
    public void markConfidential(String department) {
        mongo.getCollection(AppealStatusView.COLLECTION).updateMany(
                new Document("department", department).append("confidential", new Document("$ne", true)),
                new Document("$set", new Document("confidential", true)));
    }

    private static Document byId(String appealId) {
        return new Document("_id", appealId);
    }

    private boolean isConfidential(String department) {
        return department != null // Set.copyOf refuses contains(null)
                && (confidentialDepartments.contains(department) || flaggedConfidential.get().contains(department));
    }

    private static void setIfPresent(Document set, String field, Object value) {
        if (value != null) {
            set.append(field, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Document historyEntry(long sequence, String type, AppealStatus status, String department,
            String reason, Instant at, String by) {
        return new Document("sequence", sequence)
                .append("type", type)
                .append("status", status.name())
                .append("department", department)
                .append("reason", reason)
                .append("at", date(at))
                .append("by", by);
    }
}
