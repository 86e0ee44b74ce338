package kz.hearingstate.analytics.facts;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.storage.IndexedCollection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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

    /**
     * What the figures read of a fact ({@code FiguresCalculator} and the summary's counts), so a query of a long
     * period returns no more: never {@code appliedEventIds}, which grows with every notification of the appeal.
     */
    private static final List<String> FIGURE_FIELDS = List.of("receivedAt", "routedAt", "firstActionAt", "answeredAt",
            "closedAt", "deadline", "status", "slaBreachAnnounced", "reopenCount", "rating", "solved", "department",
            "firstDepartment", "category", "channel", "settlement", "language", "notificationsDelivered", "notificationsFailed");
    /** What a time series filters by ({@code Dimensions}), besides the timestamp it counts. */
    private static final List<String> DIMENSION_FIELDS = List.of("department", "firstDepartment", "category", "channel",
            "settlement", "language");
    /** What a surge check reads of an appeal: its {@link AppealFact.Placement}'s fields, of the same names. */
    private static final List<String> PLACEMENT_FIELDS = Arrays.stream(AppealFact.Placement.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    private static final List<String> OPEN_STATUSES =
            Arrays.stream(AppealStatus.values()).filter(status -> !status.isClosed()).map(AppealStatus::name).toList();

    /**
     * Documents per reply of a long read. Without it mongo-java-server answers with one reply holding every match,
     * which the driver refuses past 48 MB (the department gauges' all-time read at 10^5 appeals did).
     */
    private static final int BATCH_SIZE = 5_000;

    private static final int MAX_ATTEMPTS = 10;
    /** Conflicts after which a batch is applied one appeal at a time. */
    private static final int BATCH_ATTEMPTS = 3;

    private final MongoOperations mongo;
    private final ReceiptMonths months;

    public AppealFacts(MongoOperations mongo) {
        this.mongo = mongo;
        this.months = new ReceiptMonths(mongo);
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
        indexes.add(new Index().on("status", Sort.Direction.ASC).named("status"));
        indexes.add(new Index().on("closedAt", Sort.Direction.ASC).named("closedAt"));
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
                months.changed(List.of(fact)); // a redelivery after a crash between the write and its count
                return Optional.empty();
            }
            try {
                AppealFact saved = mongo.save(fact);
                months.changed(List.of(saved));
                return Optional.of(saved);
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrentWrite;
                }
            }
        }
    }

    /**
     * Applies a batch's changes, in order, with one read and one write: the stored facts by {@code $in}, then
     * every changed fact in one unordered bulk write, each replace guarded by the version it was read with.
     * When another consumer thread wrote one of these appeals in between (a version or an insert conflict: the
     * submission, lifecycle and outcome consumers write the same appeals at once), the batch is read and applied again,
     * where each change recognises what the bulk write did store as a duplicate; after {@link #BATCH_ATTEMPTS} such
     * conflicts, one appeal at a time by {@link #update}. (Before, the first conflict sent the batch one appeal at a
     * time: two reads per event, most of analytics' queries in a drain.) Then the months of receipt of every fact read
     * are counted as changed ({@link #receiptMonths()}).
     *
     * @return for each change, the fact it changed as the batch left it, or null when it changed nothing
     */
    public List<AppealFact> updateAll(List<Change> changes) {
        if (changes.size() == 1) {
            return Collections.singletonList(update(changes.getFirst().appealId(), changes.getFirst().change()).orElse(null));
        }
        List<AppealFact> changedBefore = Collections.nCopies(changes.size(), null);
        for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
            Map<String, AppealFact> working = new HashMap<>();
            Attempt tried = applyTogether(changes, changedBefore, working);
            if (tried.written()) {
                // Every month the batch touched, changed or not: a redelivery after a crash between the write and its count
                months.changed(working.values());
                return tried.changed();
            }
            changedBefore = tried.changed();
        }
        List<AppealFact> again = new ArrayList<>(changes.size());
        for (int index = 0; index < changes.size(); index++) {
            Change change = changes.get(index);
            Optional<AppealFact> fact = update(change.appealId(), change.change());
            // Changed by a bulk write already: still a change of this batch, as the store now has it.
            again.add(fact.isPresent() ? fact.get() : changedBefore.get(index) == null ? null : find(change.appealId()).orElse(null));
        }
        return again;
    }

    /**
     * One attempt at a batch ({@link #applyTogether}).
     *
     * @param changed for each change, the fact as the batch left it when this attempt or an earlier one changed it, else
     *                null
     * @param written false when another writer got in between
     */
    private record Attempt(List<AppealFact> changed, boolean written) {
    }

    /**
     * One attempt at the batch: reads its facts into {@code working}, applies every change in order and writes what
     * changed at once.
     *
     * @param changedBefore for each change, non-null when an earlier attempt's write may have stored it
     */
    private Attempt applyTogether(List<Change> changes, List<AppealFact> changedBefore, Map<String, AppealFact> working) {
        Set<String> appealIds = changes.stream().map(Change::appealId).collect(Collectors.toCollection(LinkedHashSet::new));
        mongo.find(Query.query(Criteria.where("_id").in(appealIds)), AppealFact.class)
                .forEach(fact -> working.put(fact.getAppealId(), fact));
        Map<String, Long> readVersions = new HashMap<>();
        working.forEach((appealId, fact) -> readVersions.put(appealId, fact.getVersion()));
        List<AppealFact> changed = new ArrayList<>(changes.size());
        Set<String> toWrite = new LinkedHashSet<>();
        for (int index = 0; index < changes.size(); index++) {
            Change change = changes.get(index);
            AppealFact fact = working.computeIfAbsent(change.appealId(), AppealFact::new);
            boolean applied = change.change().test(fact);
            changed.add(applied || changedBefore.get(index) != null ? fact : null);
            if (applied) {
                toWrite.add(change.appealId());
            }
        }
        return new Attempt(changed, toWrite.isEmpty() || writeAll(toWrite, working, readVersions));
    }

    /** @return false when another writer got in between for at least one of them */
    private boolean writeAll(Set<String> appealIds, Map<String, AppealFact> facts, Map<String, Long> readVersions) {
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AppealFact.class);
        int replaces = 0;
        for (String appealId : appealIds) {
            AppealFact fact = facts.get(appealId);
            Long read = readVersions.get(appealId);
            if (read == null) {
                fact.setVersion(0L);
                writes.insert(fact);
            } else {
                fact.setVersion(read + 1);
                writes.replaceOne(Query.query(Criteria.where("_id").is(appealId).and("version").is(read)), fact);
                replaces++;
            }
        }
        try {
            return writes.execute().getMatchedCount() == replaces;
        } catch (BulkOperationException | DuplicateKeyException concurrentInsert) {
            return false;
        }
    }

    /** One event's change of one appeal's fact: returns false when it changes nothing (a duplicate). */
    public record Change(String appealId, Predicate<AppealFact> change) {
    }

    /**
     * Every month (UTC, from {@link #startOf}) in which appeals were received and written by this class since the
     * counters exist, with a counter that moves whenever one of their facts is written: figures of a month's facts
     * stay those figures while its counter stays. Read the counters before the facts. Facts of a month not listed
     * (stored before the counters existed, or by another writer) are found by reading the time outside the listed
     * months, and listed by {@link #listReceiptMonths}.
     */
    public Map<YearMonth, Long> receiptMonths() {
        return months.counters();
    }

    /** Lists the months of receipt of {@code facts} (read outside the listed months) without counting a change. */
    public void listReceiptMonths(Collection<AppealFact> facts) {
        months.listed(facts);
    }

    /** The month of receipt (of {@link #receiptMonths()}) of an appeal received at {@code receivedAt}. */
    public static YearMonth receiptMonthOf(Instant receivedAt) {
        return ReceiptMonths.of(receivedAt);
    }

    /** The first instant of a month of {@link #receiptMonths()}. */
    public static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Optional<AppealFact> find(String appealId) {
        return Optional.ofNullable(mongo.findById(appealId, AppealFact.class));
    }

    /** Facts of appeals received in [from, to), optionally of one department, with the fields the figures read. */
    public List<AppealFact> receivedBetween(Instant from, Instant to, String department) {
        Criteria criteria = department == null
                ? Criteria.where("receivedAt").gte(from).lt(to)
                : Criteria.where("department").is(department).and("receivedAt").gte(from).lt(to);
        return find(Query.query(criteria), FIGURE_FIELDS);
    }

    /**
     * Facts whose {@code timestampField} (one of {@link #TIMESTAMP_FIELDS}) lies in [from, to), with only that
     * timestamp and the dimensions a time series filters by.
     */
    public List<AppealFact> byTimestampBetween(String timestampField, Instant from, Instant to) {
        if (!TIMESTAMP_FIELDS.contains(timestampField)) {
            throw new IllegalArgumentException("Not an indexed timestamp: " + timestampField);
        }
        List<String> fields = new ArrayList<>(DIMENSION_FIELDS);
        fields.add(timestampField);
        return find(Query.query(Criteria.where(timestampField).gte(from).lt(to)), fields);
    }

    /**
     * The open appeals (by status, index {@code status}), with their department, status and deadline only: as many
     * as are being worked on, however many the store holds.
     */
    public List<AppealFact> open() {
        return find(Query.query(Criteria.where("status").in(OPEN_STATUSES)), List.of("department", "status", "deadline"));
    }

    /**
     * Appeals closed at or after {@code from} and still closed (index {@code closedAt}), with what
     * {@link AppealFact#isClosedOnTime()} needs.
     */
    public List<AppealFact> closedSince(Instant from) {
        return find(Query.query(Criteria.where("closedAt").gte(from)),
                List.of("department", "closedAt", "deadline", "slaBreachAnnounced"));
    }

    private List<AppealFact> find(Query query, List<String> fields) {
        query.fields().include(fields.toArray(String[]::new));
        return mongo.find(query.cursorBatchSize(BATCH_SIZE), AppealFact.class);
    }

    /**
     * The appeals with a category that {@code department} holds ({@code movedOn} false), or that were first routed to it
     * and moved on to another ({@code movedOn} true), oldest first, with their {@link AppealFact.Placement} alone, as the
     * store's cursor returns them (close the stream). Read when a department becomes countable in a surge
     * ({@code HotspotDetector#checkDepartment}): once per department in a database, and again only when one stops being
     * confidential. The first uses the department's index; the second (few) has no index of its own, and is not worth one
     * that every appeal's write would keep.
     */
    public Stream<AppealFact> placedAt(String department, boolean movedOn) {
        Criteria criteria = movedOn ? Criteria.where("firstDepartment").is(department).and("department").ne(department)
                : Criteria.where("department").is(department);
        return placements(Query.query(criteria.and("category").ne(null)));
    }

    private Stream<AppealFact> placements(Query query) {
        query.fields().include("_id").include(PLACEMENT_FIELDS.toArray(String[]::new));
        return mongo.stream(query.with(Sort.by("receivedAt")).cursorBatchSize(BATCH_SIZE), AppealFact.class);
    }

    /**
     * Appeals of {@code category} whose {@code scopeField} ({@code settlement} or {@code geoCell}) is one of
     * {@code scopeValues}, received in (from, to], oldest first; only their id, receipt time and that field are read.
     * Only appeals of {@code countableDepartments}, now and at first, are read: not those routed nowhere yet, nor those of
     * a confidential department or of one the directory has not named yet.
     */
    public List<AppealFact> similarReceivedBetween(String category, String scopeField, Collection<String> scopeValues,
            Instant fromExclusive, Instant toInclusive, Collection<String> countableDepartments) {
        List<String> firstDepartments = new ArrayList<>(countableDepartments);
        firstDepartments.add(null); // a fact stored before the first department was kept
        Query query = Query.query(Criteria.where("category").is(category).and(scopeField).in(scopeValues)
                .and("receivedAt").gt(fromExclusive).lte(toInclusive).and("department").in(countableDepartments)
                .and("firstDepartment").in(firstDepartments));
        query.fields().include("_id", "receivedAt", scopeField);
        query.with(Sort.by("receivedAt", "_id"));
        return mongo.find(query, AppealFact.class);
    }
}
