package kz.hearingstate.performance.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.performance.report.BenchmarkReport.StoreFigures;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Grows the store as the services would have grown it, without making them do the work: copies of the
 * documents the four services stored for appeals they processed earlier in the run (the templates), each
 * under a new appeal id, written straight into each service's collections with {@code insertMany}. Pushing
 * the appeals through Kafka instead measured a backlog: at the pipeline's own rate 10^6 appeals take hours.
 *
 * <p>A copy replaces the template's appeal id (wherever it occurs, also inside event ids), its tracking
 * code and its access hash with new unique values, and gives a document whose {@code _id} does not name the
 * appeal (a notification's hash) a new one. Those new values ascend with each copy ({@link Stamp}), as a bulk
 * load's keys should: each copy then lands at the end of every collection and index (or of one of a few
 * hundred runs of equal leading values), so the store rewrites a handful of pages per commit. Random ones
 * landed each insert on a random page of every collection and index, and from 10^4 stored appeals on the store
 * spent most of its time rewriting whole pages for one new entry each (about 50 appeals/s at 10^5). Documents that would make a service act on a copy are left out
 * of the copies: an unpublished outbox, a notification still to send or whose outcome is unpublished, a timer
 * due within a day (an appeal whose routing document is one of them is not used at all).
 */
public final class StorePreload implements AutoCloseable {

    /** The databases the services write, one each. */
    static final List<String> DATABASES = List.of("intake", "routing", "notification", "analytics");
    /** The count the store's size is: every appeal routing holds. */
    static final String APPEALS_DATABASE = "routing";
    static final String APPEALS_COLLECTION = "appeals";
    /** Fields whose values identify one appeal besides its id; a copy gets new ones. */
    static final Set<String> IDENTIFYING_FIELDS = Set.of("trackingCode", "accessHash");
    static final int TEMPLATES = 100;
    static final int CHUNK = 500;
    /**
     * How far apart in time copies are: each is moved this much further into the past than the one after it
     * (only its past times; timers still due stay as they are). Copies all received in the last minutes made
     * every query over a recent window (analytics' similar appeals of a place, for one) read a hundredth of
     * the store, so the store's size, not its contents, set the cost; 10^6 copies a minute apart span about two
     * years, and any recent window holds as many appeals at 10^6 as at 10^4.
     */
    static final Duration SPACING = Duration.ofMinutes(1);
    /**
     * The benchmark answers no appeal, so every template is open; a store of 10^6 open copies is a backlog of a
     * million, which no district has (its 10^6 appeals are years of history, almost all answered). A copy received
     * longer ago than this is therefore answered in analytics' facts, {@link #ANSWERED_AFTER} after receipt, on
     * time; younger ones stay open. So the open appeals (what the department gauges read) are about the same few
     * thousand at every size. The other services' copies keep the template's state: none of them reads by it.
     */
    static final Duration OPEN_FOR = Duration.ofDays(10);
    /** analytics' counters of writes per month of receipt (its {@code ReceiptMonths}). */
    static final String RECEIPT_MONTHS = "receipt_months";
    static final Duration ANSWERED_AFTER = Duration.ofDays(5);

    private final MongoClient client;
    private final ExecutorService writers = Executors.newFixedThreadPool(DATABASES.size());
    private List<Family> families;
    /** Copies written so far: the next growth goes further into the past, beyond all of them. */
    private long copied;

    public StorePreload(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
    }

    /** Appeals in the store now (routing's {@code appeals}). */
    public long storedAppeals() {
        return appeals().estimatedDocumentCount();
    }

    /** The MongoDB-wire server's own figures for its store ({@code serverStatus.store}); null from another server. */
    public StoreFigures storeFigures() {
        Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
        Document store = status.get("store", Document.class);
        return store == null ? null : new StoreFigures(mib(store, "fileMib"), mib(store, "heapUsedMib"),
                mib(store, "heapCommittedMib"), mib(store, "cacheUsedMib"));
    }

    private static long mib(Document figures, String name) {
        return ((Number) figures.get(name)).longValue();
    }

    /**
     * Writes {@code count} appeals' documents; the templates are read once, at the first call. Calls must be
     * at least a millisecond apart (they are: each writes its documents before it returns).
     *
     * @throws IllegalStateException when the store has no processed appeal to copy
     */
    public void grow(long count) {
        grow(count, null);
    }

    /**
     * As {@link #grow(long)}, but stops after the first chunk that ends past {@code deadline} (null: none).
     *
     * @return the appeals written
     */
    public long grow(long count, Instant deadline) {
        if (families == null) {
            families = templates();
        }
        if (families.isEmpty()) {
            throw new IllegalStateException("No processed appeal in the store to copy: run some load first");
        }
        Instant now = Instant.now();
        long millis = System.currentTimeMillis(); // later than every earlier growth's: their copies sort first
        for (long first = 0; first < count; first += CHUNK) {
            long last = Math.min(count, first + CHUNK);
            Map<String, Map<String, List<Document>>> chunk = new LinkedHashMap<>();
            for (long i = first; i < last; i++) {
                Family family = families.get((int) (i % families.size()));
                family.copy(new Stamp(millis, i), now, SPACING.multipliedBy(copied + count - i)).forEach((database, collections) -> collections.forEach(
                        (collection, documents) -> chunk.computeIfAbsent(database, d -> new LinkedHashMap<>())
                                .computeIfAbsent(collection, c -> new ArrayList<>()).addAll(documents)));
            }
            write(chunk);
            if (deadline != null && Instant.now().isAfter(deadline) && last < count) {
                copied += count; // the next growth still goes beyond this one's oldest place in time
                return last;
            }
        }
        copied += count;
        return count;
    }

    /** The months of receipt (UTC, as analytics names them: {@code 2026-03}) of analytics' facts. */
    static Set<String> receiptMonths(List<Document> facts) {
        Set<String> months = new TreeSet<>();
        facts.stream().map(fact -> fact.getDate("receivedAt")).filter(Objects::nonNull)
                .forEach(received -> months.add(YearMonth.from(received.toInstant().atOffset(ZoneOffset.UTC)).toString()));
        return months;
    }

    /**
     * One writer per database: each collection has its own lock in the server, so they overlap. Analytics' facts
     * are counted in its {@code receipt_months} as its own writes are: a running analytics keeps each month's figures
     * until that month's counter moves, and the copies fill months it may have counted already.
     */
    private void write(Map<String, Map<String, List<Document>>> chunk) {
        List<Future<?>> writes = new ArrayList<>();
        chunk.forEach((database, collections) -> writes.add(writers.submit(() -> collections.forEach(
                (collection, documents) -> {
                    client.getDatabase(database).getCollection(collection)
                            .insertMany(documents, new InsertManyOptions().ordered(false));
                    if (database.equals("analytics") && collection.equals("appeal_facts")) {
                        receiptMonths(documents).forEach(month -> client.getDatabase(database).getCollection(RECEIPT_MONTHS)
                                .updateOne(Filters.eq("_id", month), Updates.inc("changes", 1), new UpdateOptions().upsert(true)));
                    }
                }))));
        for (Future<?> write : writes) {
            try {
                write.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while preloading", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("The preload's insert failed", e.getCause());
            }
        }
    }

    private MongoCollection<Document> appeals() {
        return client.getDatabase(APPEALS_DATABASE).getCollection(APPEALS_COLLECTION);
    }

    /** Up to {@link #TEMPLATES} appeals routing holds, each with every document any service keeps for it. */
    private List<Family> templates() {
        List<String> appealIds = new ArrayList<>();
        appeals().find().limit(TEMPLATES).forEach(appeal -> appealIds.add(appeal.get("_id").toString()));
        Map<String, Family> families = new LinkedHashMap<>();
        appealIds.forEach(id -> families.put(id, new Family(id)));
        for (String database : DATABASES) {
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                if (collection.startsWith("system.")) {
                    continue;
                }
                MongoCollection<Document> documents = client.getDatabase(database).getCollection(collection);
                documents.find(Filters.in("_id", appealIds)).forEach(document ->
                        families.get(document.get("_id").toString()).add(database, collection, document));
                if (leadsAnIndex(documents, "appealId")) {
                    documents.find(Filters.and(Filters.in("appealId", appealIds), Filters.nin("_id", appealIds)))
                            .forEach(document -> families.get(document.getString("appealId")).add(database, collection, document));
                }
            }
        }
        return families.values().stream().filter(Family::isComplete).toList();
    }

    /**
     * Whether an index of the collection starts with {@code field}. A collection the services never query by
     * {@code appealId} keeps its documents under the appeal's id (found by {@code _id} above), and a query on the
     * unindexed field read the whole collection, each of the four such collections once per growth run.
     */
    static boolean leadsAnIndex(MongoCollection<Document> collection, String field) {
        for (Document index : collection.listIndexes()) {
            Document key = index.get("key", Document.class);
            if (key != null && !key.isEmpty() && key.keySet().iterator().next().equals(field)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        writers.shutdownNow();
        client.close();
    }

    /** Every document the services keep for one appeal, by database and collection. */
    static final class Family {
        private final String appealId;
        private final Map<String, Map<String, List<Document>>> documents = new LinkedHashMap<>();
        private final Map<String, String> identifying = new LinkedHashMap<>();

        Family(String appealId) {
            this.appealId = appealId;
        }

        void add(String database, String collection, Document document) {
            collectIdentifying(document);
            if (wouldWake(document)) {
                return;
            }
            documents.computeIfAbsent(database, d -> new LinkedHashMap<>())
                    .computeIfAbsent(collection, c -> new ArrayList<>()).add(document);
        }

        /** Routed, and routing would not act on a copy. */
        boolean isComplete() {
            return documents.containsKey(APPEALS_DATABASE);
        }

        /** An outbox to publish, a notification to send or report, a timer about to fire. */
        static boolean wouldWake(Document document) {
            Object status = document.get("status");
            Object timer = document.get("nextTimerAt");
            return document.get("outboxSince") != null
                    || "PENDING".equals(status) || "SENDING".equals(status)
                    || Boolean.FALSE.equals(document.get("outcomePublished"))
                    || (timer instanceof Date due && due.toInstant().isBefore(Instant.now().plus(Duration.ofDays(1))));
        }

        private void collectIdentifying(Object value) {
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, field) -> {
                    if (IDENTIFYING_FIELDS.contains(key.toString()) && field instanceof String text) {
                        identifying.put(text, key.toString());
                    } else {
                        collectIdentifying(field);
                    }
                });
            } else if (value instanceof List<?> list) {
                list.forEach(this::collectIdentifying);
            }
        }

        /**
         * The documents of a new appeal, named by {@code stamp}, as the services would have stored them
         * {@code age} earlier: every time before {@code now} is moved back by it.
         */
        Map<String, Map<String, List<Document>>> copy(Stamp stamp, Instant now, Duration age) {
            String seed = stamp.hex();
            String newId = stamp.appealId();
            Map<String, String> replacements = new LinkedHashMap<>();
            replacements.put(appealId, newId);
            identifying.forEach((value, field) -> replacements.put(value, field.equals("trackingCode")
                    ? value + "-" + seed : seed + hex(value + seed, value.length() - seed.length())));
            Map<String, Map<String, List<Document>>> copies = new LinkedHashMap<>();
            documents.forEach((database, collections) -> collections.forEach((collection, templates) -> {
                for (Document template : templates) {
                    Document copy = (Document) replace(template, replacements, now, age);
                    if (copy.get("_id").equals(template.get("_id"))) {
                        copy.put("_id", template.get("_id") instanceof String id
                                ? seed + hex(id + seed, id.length() - seed.length()) : new ObjectId());
                    }
                    if (database.equals("analytics") && collection.equals("appeal_facts")) {
                        answerIfOld(copy, now);
                    }
                    copies.computeIfAbsent(database, d -> new LinkedHashMap<>())
                            .computeIfAbsent(collection, c -> new ArrayList<>()).add(copy);
                }
            }));
            return copies;
        }

        /** An open fact received more than {@link #OPEN_FOR} before {@code now} becomes an appeal answered on time. */
        static void answerIfOld(Document fact, Instant now) {
            if (fact.get("status") instanceof String status && !AppealStatus.valueOf(status).isClosed()
                    && fact.get("receivedAt") instanceof Date received
                    && received.toInstant().isBefore(now.minus(OPEN_FOR))) {
                Date answered = Date.from(received.toInstant().plus(ANSWERED_AFTER));
                fact.put("status", AppealStatus.ANSWERED.name());
                fact.put("answeredAt", answered);
                fact.put("closedAt", answered);
                if (fact.get("firstActionAt") == null) {
                    fact.put("firstActionAt", answered);
                }
            }
        }

        private Object replace(Object value, Map<String, String> replacements, Instant now, Duration age) {
            if (value instanceof Map<?, ?> map) {
                Document copy = new Document();
                map.forEach((key, field) -> copy.put(key.toString(), replace(field, replacements, now, age)));
                return copy;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(element -> replace(element, replacements, now, age)).toList();
            }
            if (value instanceof Date date && date.toInstant().isBefore(now)) {
                return Date.from(date.toInstant().minus(age));
            }
            if (value instanceof String text) {
                String replaced = replacements.get(text);
                return replaced != null ? replaced : text.replace(appealId, replacements.get(appealId));
            }
            return value;
        }

        /** A hex digest of {@code seed}, cut to {@code length} (none below 0): the tail of a value shaped like a hash. */
        static String hex(String seed, int length) {
            try {
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(seed.getBytes(StandardCharsets.UTF_8)));
                return digest.repeat(1 + Math.max(length, 0) / digest.length()).substring(0, Math.max(length, 0));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * What makes one copy's values unique and ascending: the growth's start in milliseconds, then the copy's
     * number in it. Its hex form has a fixed width, so strings that start with it sort as the stamps do.
     */
    record Stamp(long millis, long number) {

        /** 11 hex digits of milliseconds (until the year 2527), then 8 of the number. */
        String hex() {
            return "%011x%08x".formatted(millis, number);
        }

        /** A UUID laid out as version 7's (time first), so appeal ids ascend too. */
        String appealId() {
            return new UUID(millis << 16 | 0x7000, Long.MIN_VALUE | number).toString();
        }
    }
}
