package de.bwaldvogel.mongo.backend.h2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement run by hand, never in the build (its name matches no test pattern). It times, in one JVM and
 * one run, the two steps of the store's writes that a recording of a benchmark's step-up showed hot, each against the
 * library's own way as the baseline:
 * <ul>
 *   <li>the key values of an index ({@link H2SecondaryIndex#getKeyValues} against the library's {@link Index#getKeyValues}),
 *       for the ten indexes of analytics' {@code appeal_facts} over documents shaped like its facts;</li>
 *   <li>a collection map's lookups and inserts by random UUID ids ({@link DocumentKeyType} against H2's
 *       {@link ObjectDataType}).</li>
 * </ul>
 * Each is run {@code ROUNDS} times alternately; the report gives the median ns per operation of each and their ratio.
 *
 * <pre>
 * ./mvnw -B -q -pl local-stack test -Dtest=StoreKeyCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The report is {@code local-stack/target/store-key-cost.txt}.
 */
class StoreKeyCostMeasurement {

    private static final int ROUNDS = 15;
    private static final int DOCUMENTS = 20_000;
    private static final int IDS = 200_000;
    private static final Path REPORT = Path.of("target/store-key-cost.txt");

    /** The indexes of analytics' appeal_facts (AppealFacts#indexes). */
    private static final List<List<String>> FACT_INDEXES = List.of(List.of("receivedAt"), List.of("routedAt"),
            List.of("answeredAt"), List.of("forwardedAt"), List.of("rejectedAt"), List.of("department", "receivedAt"),
            List.of("category", "settlement", "receivedAt"), List.of("category", "geoCell", "receivedAt"), List.of("status"),
            List.of("closedAt"));

    @Test
    void measure() throws Exception {
        Random random = new Random(17);
        List<Document> facts = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            facts.add(fact(random));
        }
        List<Index<Object>> library = FACT_INDEXES.stream().map(keys -> H2SecondaryIndexKeyValuesTest.libraryIndex(indexKeys(keys)))
                .toList();
        List<Index<Object>> secondary = FACT_INDEXES.stream().map(keys -> H2SecondaryIndexKeyValuesTest.secondaryIndex(indexKeys(keys)))
                .toList();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IDS; i++) {
            ids.add(UUID.randomUUID().toString());
        }

        long[][] keyValues = new long[2][ROUNDS];
        long[][] maps = new long[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            keyValues[0][round] = timePerOperation(facts.size() * FACT_INDEXES.size(), () -> keyValuesOf(library, facts));
            keyValues[1][round] = timePerOperation(facts.size() * FACT_INDEXES.size(), () -> keyValuesOf(secondary, facts));
            maps[0][round] = timePerOperation(2L * ids.size(), () -> putAndGet(new ObjectDataType(), ids));
            maps[1][round] = timePerOperation(2L * ids.size(), () -> putAndGet(new DocumentKeyType(), ids));
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Store key costs, %s, %d rounds alternating, median ns per operation (JDK %s, %d cores)%n", Instant.now(),
                ROUNDS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        line(report, "index key values, appeal_facts' 10 indexes over " + DOCUMENTS + " facts: library / H2SecondaryIndex",
                keyValues);
        line(report, "collection map, put then get of " + IDS + " UUID ids: ObjectDataType / DocumentKeyType", maps);
        Files.writeString(REPORT, report);
        System.out.print(report);
    }

    private static void line(StringBuilder report, String what, long[][] times) {
        long before = median(times[0]);
        long after = median(times[1]);
        report.append(String.format(Locale.ROOT, "%s: %d / %d ns, ratio %.2f (rounds: %s / %s)%n", what, before, after,
                (double) after / before, Arrays.toString(times[0]), Arrays.toString(times[1])));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long timePerOperation(long operations, Runnable work) {
        long started = System.nanoTime();
        work.run(); // each work checks its own results, so none can be optimised away
        return (System.nanoTime() - started) / operations;
    }

    private static void keyValuesOf(List<Index<Object>> indexes, List<Document> facts) {
        long entries = 0;
        for (Document fact : facts) {
            for (Index<Object> index : indexes) {
                entries += index.getKeyValues(fact).size();
            }
        }
        if (entries == 0) {
            throw new IllegalStateException("no key values");
        }
    }

    private static void putAndGet(ObjectDataType keyType, List<String> ids) {
        MVMap<Object, Object> map = MVStore.open(null).openMap("documents", new MVMap.Builder<Object, Object>().keyType(keyType));
        for (String id : ids) {
            map.put(id, Boolean.TRUE);
        }
        for (String id : ids) {
            if (map.get(id) == null) {
                throw new IllegalStateException("lost " + id);
            }
        }
    }

    private static List<IndexKey> indexKeys(List<String> names) {
        return names.stream().map(name -> new IndexKey(name, true)).toList();
    }

    /** A fact as AppealFact stores it: routed, half answered, a few of the optional fields absent. */
    private static Document fact(Random random) {
        Instant received = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(30_000_000));
        Document fact = new Document("_id", UUID.randomUUID().toString()).append("version", 3L).append("submitted", true)
                .append("channel", "web").append("type", "COMPLAINT").append("language", "kk")
                .append("category", "category-" + random.nextInt(40)).append("categoryFromRouting", true)
                .append("department", "department-" + random.nextInt(10)).append("firstDepartment", "department-" + random.nextInt(10))
                .append("settlement", "settlement-" + random.nextInt(30)).append("geoCell", "43.2:76.9")
                .append("receivedAt", received).append("registeredAt", received).append("routedAt", received.plusSeconds(2))
                .append("deadline", received.plusSeconds(1_800_000)).append("deadlineFromRouting", true)
                .append("status", random.nextBoolean() ? "ANSWERED" : "ROUTED").append("slaBreachAnnounced", false)
                .append("reopenCount", 0).append("lastSequence", 3L).append("notificationsDelivered", 3)
                .append("notificationsFailed", 0).append("appliedEventIds", List.of("n-1", "n-2", "n-3"));
        if (random.nextBoolean()) {
            fact.append("answeredAt", received.plusSeconds(86_400)).append("closedAt", received.plusSeconds(86_400))
                    .append("firstActionAt", received.plusSeconds(3_600));
        }
        return fact;
    }
}
