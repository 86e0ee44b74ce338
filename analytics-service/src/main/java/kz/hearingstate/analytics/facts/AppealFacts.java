package kz.hearingstate.analytics.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import kz.hearingstate.storage.IndexedCollection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The {@code appeal_facts} collection. Writes are read-change-write by {@code _id} with an optimistic
 * version, because the five topic consumers run on their own threads and may touch one appeal at once.
 * Every query below has its index in {@link #indexes()}.
 */
public class AppealFacts implements IndexedCollection {

    /** Timestamp fields a time series may count by; each is indexed. */
    public static final List<String> TIMESTAMP_FIELDS =
            List.of("receivedAt", "routedAt", "answeredAt", "forwardedAt", "rejectedAt");

    private static final int MAX_ATTEMPTS = 10;

    private final MongoOperations mongo;

    public AppealFacts(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return AppealFact.class;
    }

    @Override
    public List<Index> indexes() {
        List<Index> indexes = new ArrayList<>();
        for (String field : TIMESTAMP_FIELDS) {
            indexes.add(new Index().on(field, Sort.Direction.ASC).named(field));
        }
        indexes.add(new Index().on("department", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC)
                .named("department_receivedAt"));
        indexes.add(new Index().on("category", Sort.Direction.ASC).on("settlement", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.ASC).named("category_settlement_receivedAt"));
        indexes.add(new Index().on("category", Sort.Direction.ASC).on("geoCell", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.ASC).named("category_geoCell_receivedAt"));
        return indexes;
    }

    /**
     * Applies {@code change} to the appeal's fact (a new one if there is none yet) and saves it.
     *
     * @param change returns false when the event changes nothing (a duplicate); nothing is written then
     * @return the saved fact, or empty when nothing changed
     */
    public Optional<AppealFact> update(String appealId, Predicate<AppealFact> change) {
        for (int attempt = 1; ; attempt++) {
            AppealFact fact = find(appealId).orElseGet(() -> new AppealFact(appealId));
            if (!change.test(fact)) {
                return Optional.empty();
            }
            try {
                return Optional.of(mongo.save(fact));
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrentWrite;
                }
            }
        }
    }

    public Optional<AppealFact> find(String appealId) {
        return Optional.ofNullable(mongo.findById(appealId, AppealFact.class));
    }

    /** Facts of appeals received in [from, to), optionally of one department. */
    public List<AppealFact> receivedBetween(Instant from, Instant to, String department) {
        Criteria criteria = department == null
                ? Criteria.where("receivedAt").gte(from).lt(to)
                : Criteria.where("department").is(department).and("receivedAt").gte(from).lt(to);
        return mongo.find(Query.query(criteria), AppealFact.class);
    }

    /** Facts whose {@code timestampField} (one of {@link #TIMESTAMP_FIELDS}) lies in [from, to). */
    public List<AppealFact> byTimestampBetween(String timestampField, Instant from, Instant to) {
        if (!TIMESTAMP_FIELDS.contains(timestampField)) {
            throw new IllegalArgumentException("Not an indexed timestamp: " + timestampField);
        }
        return mongo.find(Query.query(Criteria.where(timestampField).gte(from).lt(to)), AppealFact.class);
    }

    /**
     * Appeals of {@code category} whose {@code scopeField} ({@code settlement} or {@code geoCell}) equals
     * {@code scopeValue}, received in (from, to], oldest first; only their id and receipt time are read.
     * Appeals not routed yet and those of {@code excludedDepartments} are left out.
     */
    public List<AppealFact> similarReceivedBetween(String category, String scopeField, String scopeValue,
            Instant fromExclusive, Instant toInclusive, Collection<String> excludedDepartments) {
        List<String> excluded = new ArrayList<>(excludedDepartments);
        excluded.add(null);
        Query query = Query.query(Criteria.where("category").is(category).and(scopeField).is(scopeValue)
                .and("receivedAt").gt(fromExclusive).lte(toInclusive).and("department").nin(excluded));
        query.fields().include("_id", "receivedAt");
        query.with(Sort.by("receivedAt", "_id"));
        return mongo.find(query, AppealFact.class);
    }
}
