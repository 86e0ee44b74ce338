package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.mongodb.MongoBulkWriteException;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.storage.IndexedCollection;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code appeals} collection and its outbox. {@link #save} is a single-document conditional update
 * (on {@code version}): of two instances changing one appeal, one wins and the other gets an
 * {@link org.springframework.dao.OptimisticLockingFailureException} and starts again from the new state.
 */
@Component
public class AppealStore implements IndexedCollection {

    static final String COLLECTION = "appeals";

    private final MongoTemplate mongo;
    private final EventPublisher publisher;

    public AppealStore(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    @Override
    public Class<?> documentType() {
        return RoutedAppeal.class;
    }

    /** One index per query below. */
    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("nextTimerAt", Sort.Direction.ASC),
                new Index().on("outboxSince", Sort.Direction.ASC),
                new Index().on("department", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                        .on("registeredAt", Sort.Direction.ASC),
                new Index().on("department", Sort.Direction.ASC).on("registeredAt", Sort.Direction.ASC),
                new Index().on("department", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                        .on("deadline", Sort.Direction.ASC),
                new Index().on("department", Sort.Direction.ASC).on("submitted.trackingCode", Sort.Direction.ASC),
                new Index().on("slaState", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                        .on("deadline", Sort.Direction.ASC));
    }

    public Optional<RoutedAppeal> find(String appealId) {
        return Optional.ofNullable(mongo.findById(appealId, RoutedAppeal.class));
    }

    /** The stored ones among {@code appealIds}, in one query. */
    public Map<String, RoutedAppeal> findAll(Collection<String> appealIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(appealIds)), RoutedAppeal.class).stream()
                .collect(Collectors.toMap(RoutedAppeal::appealId, appeal -> appeal));
    }

    /**
     * Inserts new appeals in one write.
     *
     * @return the appeals this call inserted; one that exists already (another instance got there first)
     *         is left as it is and not returned
     */
    public List<RoutedAppeal> insertAll(List<RoutedAppeal> appeals) {
        if (appeals.size() == 1) {
            return insert(appeals.getFirst()) ? appeals : List.of();
        }
        try {
            mongo.insertAll(appeals);
            return appeals;
        } catch (DuplicateKeyException e) {
            // The write is ordered: it inserted the appeals before the first that exists, and stopped there. The rest
            // go one at a time, which tells which of them exist too (a redelivered batch, another instance's work).
            int stoppedAt = firstFailure(e);
            if (stoppedAt < 0) { // not told where: each one inserted before the failure now looks like another's
                return appeals.stream().filter(this::insert).toList();
            }
            List<RoutedAppeal> inserted = new ArrayList<>(appeals.subList(0, stoppedAt));
            appeals.subList(stoppedAt + 1, appeals.size()).stream().filter(this::insert).forEach(inserted::add);
            return inserted;
        }
    }

    /** The index of the appeal an ordered bulk insert stopped at, or -1 when the driver does not say. */
    private static int firstFailure(DuplicateKeyException e) {
        return e.getCause() instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                ? bulk.getWriteErrors().getFirst().getIndex() : -1;
    }

    /** @return false when the appeal exists already (another delivery or instance got there first) */
    public boolean insert(RoutedAppeal appeal) {
        try {
            mongo.insert(appeal);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** @throws org.springframework.dao.OptimisticLockingFailureException when the appeal changed since it was read */
    public RoutedAppeal save(RoutedAppeal appeal) {
        return mongo.save(appeal);
    }

    public void publishPending(RoutedAppeal appeal) {
        publishPending(List.of(appeal));
    }

    /**
     * Publishes the appeals' pending events (each appeal's in order) and waits for Kafka to acknowledge
     * them all, then removes them from the outboxes in one write. Bumping the version makes a writer that
     * read an appeal before the removal start again, so it cannot put the published events back.
     *
     * @throws EventPublisher.EventNotAcknowledgedException when Kafka did not acknowledge them all; they
     *         all stay pending and go out again under the same ids
     */
    public void publishPending(List<RoutedAppeal> appeals) {
        Map<String, List<String>> published = new LinkedHashMap<>();
        List<EventPublisher.OutgoingEvent> events = new ArrayList<>();
        for (RoutedAppeal appeal : appeals) {
            for (PendingEvent event : appeal.outbox) {
                events.add(new EventPublisher.OutgoingEvent(event.topic(), appeal.appealId, event.eventId(),
                        event.eventType(), appeal.appealId, event.payload()));
                published.computeIfAbsent(appeal.appealId, id -> new ArrayList<>()).add(event.eventId());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        publisher.publishAll(events);
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, RoutedAppeal.class);
        published.forEach((appealId, eventIds) -> removals
                .updateOne(Query.query(Criteria.where("_id").is(appealId)), new Update()
                        .pull("outbox", new Document("eventId", new Document("$in", eventIds)))
                        .inc("version", 1))
                .updateOne(Query.query(Criteria.where("_id").is(appealId).and("outbox.0").exists(false)),
                        new Update().unset("outboxSince")));
        removals.execute();
    }

    /** Appeals whose legal clock needs attention, soonest first. */
    public List<RoutedAppeal> dueTimers(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("nextTimerAt").lte(now)).with(Sort.by("nextTimerAt")).limit(limit),
                RoutedAppeal.class);
    }

    /**
     * Marks the appeal's pending events as saved at {@code now}, so that {@link #stalePending} takes it after the others.
     * Spring Data bumps the version with it: a writer that read the appeal before starts again, as after any write.
     */
    public void postponePending(String appealId, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(appealId).and("outboxSince").exists(true)),
                new Update().set("outboxSince", now), RoutedAppeal.class);
    }

    /** Appeals with events saved before {@code before} and still not published. */
    public List<RoutedAppeal> stalePending(Instant before, int limit) {
        return mongo.find(Query.query(Criteria.where("outboxSince").lte(before)).with(Sort.by("outboxSince")).limit(limit),
                RoutedAppeal.class);
    }

    /** A department's appeals, oldest registration first; {@code status} null for all. */
    public List<RoutedAppeal> ofDepartment(String department, AppealStatus status, int page, int size) {
        Criteria criteria = Criteria.where("department").is(department);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("registeredAt", "_id")).skip((long) page * size).limit(size),
                RoutedAppeal.class);
    }

    /**
     * Open appeals whose warning or breach has fired, nearest deadline first: what the akim's office watches.
     * Appeals of {@code excludedDepartments} (the confidential ones) are left out.
     */
    public List<RoutedAppeal> atRisk(int page, int size, Collection<String> excludedDepartments) {
        return mongo.find(atRiskQuery(Criteria.where("department").nin(excludedDepartments))
                .with(Sort.by("deadline", "_id")).skip((long) page * size).limit(size), RoutedAppeal.class);
    }

    /** Every department's at-risk appeals (the workbench masks confidential rows itself). */
    public List<RoutedAppeal> atRisk(int page, int size) {
        return atRisk(page, size, List.of());
    }

    public long countAtRisk(Collection<String> excludedDepartments) {
        return mongo.count(atRiskQuery(Criteria.where("department").nin(excludedDepartments)), RoutedAppeal.class);
    }

    /** The deadlines of {@code department}'s at-risk appeals, nearest first; nothing else of them is read. */
    public List<Instant> atRiskDeadlines(String department) {
        Query query = atRiskQuery(Criteria.where("department").is(department)).with(Sort.by("deadline", "_id"));
        query.fields().include("deadline");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(document -> document.getDate("deadline").toInstant()).toList();
    }

    /**
     * Warned or breached, and the clock running ({@link AppealStatus#clockRuns()}).
     */
    private static Query atRiskQuery(Criteria department) {
        return Query.query(new Criteria().andOperator(department, Criteria.where("slaState").in(SlaState.WARNED, SlaState.BREACHED)
                .and("status").in(AppealStatus.clockRunning())));
    }

    public long countOfDepartment(String department, AppealStatus status) {
        Criteria criteria = Criteria.where("department").is(department);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.count(Query.query(criteria), RoutedAppeal.class);
    }

    /**
     * A department's appeals in the given statuses, nearest deadline first (so the overdue ones lead): the
     * workbench's worklist. Index {@code department+status+deadline}.
     */
    public List<RoutedAppeal> worklist(String department, Collection<AppealStatus> statuses, int limit) {
        return mongo.find(Query.query(Criteria.where("department").is(department).and("status").in(statuses))
                .with(Sort.by("deadline", "_id")).limit(limit), RoutedAppeal.class);
    }

    /** A department's appeal by its tracking code. Index {@code department+submitted.trackingCode}. */
    public List<RoutedAppeal> ofDepartmentByTrackingCode(String department, String trackingCode) {
        return mongo.find(Query.query(Criteria.where("department").is(department).and("submitted.trackingCode").is(trackingCode)),
                RoutedAppeal.class);
    }

    /** A department's appeals in the given statuses whose deadline is before {@code before} (or any, when null). */
    public long countOfDepartment(String department, Collection<AppealStatus> statuses, Instant before) {
        Criteria criteria = Criteria.where("department").is(department).and("status").in(statuses);
        if (before != null) {
            criteria = criteria.and("deadline").lt(before);
        }
        return mongo.count(Query.query(criteria), RoutedAppeal.class);
    }
}
