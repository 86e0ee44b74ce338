package kz.hearingstate.analytics.facts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import kz.hearingstate.analytics.TestEvents;
import kz.hearingstate.analytics.figures.FiguresCalculator;
import kz.hearingstate.analytics.figures.StatsService;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.storage.IndexCreator;
import kz.hearingstate.testing.ObservedMongoClients;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Not a test: a measurement run by hand against a running store, never in the build (its name matches no test
 * pattern). It fills {@code appeal_facts} up to {@code measure.facts} appeals received over the last two years (2 %
 * open, each with three notification outcomes), then times the department gauges, the all-time summary as it read
 * before the month tallies (the figure fields of every fact), and as it reads now: the first request of a service
 * (every month read; on a store filled without the month counters, as the preload fills it, the facts of the months
 * no counter lists, which it then lists), the same asked again, and after a write to this month's facts; with the
 * bytes of the replies and the
 * documents the server read ({@code serverStatus}'s {@code scannedObjects}, where the store counts them).
 *
 * <pre>
 * ./mvnw -B -q -pl analytics-service -am test -Dtest=FactStoreCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmeasure.uri=mongodb://127.0.0.1:PORT/analytics -Dmeasure.facts=100000 [-Dmeasure.rounds=3] [-Dmeasure.olderThanDays=0]
 * </pre>
 * The result is in target/surefire-reports/kz.hearingstate.analytics.facts.FactStoreCostMeasurement-output.txt.
 */
class FactStoreCostMeasurement {

    private static final Duration SLA_WINDOW = Duration.ofDays(30);
    /** The CPU this JVM spends on an operation (decoding and mapping the replies, the figures); the rest is the store's. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong replyBytes = new AtomicLong();

    @Test
    void measure() {
        String uri = System.getProperty("measure.uri");
        assumeTrue(uri != null, "a measurement, run by hand: -Dmeasure.uri=... -Dmeasure.facts=...");
        int wanted = Integer.parseInt(System.getProperty("measure.facts", "100000"));
        MongoClient client = ObservedMongoClients.onAnswered(uri, event -> {
            if (event.getCommandName().equals("find") || event.getCommandName().equals("getMore")) {
                replyBytes.addAndGet(new RawBsonDocument(event.getResponse(), new BsonDocumentCodec()).getByteBuffer().remaining());
            }
        });
        MongoTemplate mongo = new MongoTemplate(client, new ConnectionString(uri).getDatabase());
        AppealFacts facts = new AppealFacts(mongo);
        new IndexCreator(mongo, List.of(facts)).afterSingletonsInstantiated();
        Clock clock = Clock.systemUTC();
        // -Dmeasure.olderThanDays=730 grows a store of two years with appeals of the two years before, all closed: the
        // same appeals open and closing now in a larger store.
        int olderThanDays = Integer.getInteger("measure.olderThanDays", 0);
        preload(mongo, wanted, clock.instant().minus(Duration.ofDays(olderThanDays)), olderThanDays > 0);
        StatsService stats = new StatsService(facts, clock, ZoneId.of("Asia/Almaty"), SLA_WINDOW);
        System.out.printf("store: %d facts%n", mongo.getCollection("appeal_facts").countDocuments());

        for (int round = 1; round <= Integer.getInteger("measure.rounds", 3); round++) {
            measure(mongo, "gauges, as read now (open + closed in 30 d)", () -> stats.departmentGauges(List.of()).size());
            measure(mongo, "summary of all time, as read before (every fact)", () -> formerSummary(facts, clock.instant()));
            StatsService fresh = new StatsService(facts, clock, ZoneId.of("Asia/Almaty"), SLA_WINDOW);
            measure(mongo, "summary of all time, first request of a service", () -> fresh.summary(Period.allTime()).figures().received());
            measure(mongo, "summary of all time, asked again (month counters)", () -> fresh.summary(Period.allTime()).figures().received());
            measure(mongo, "departments of all time, asked again", () -> fresh.departments(Period.allTime()).size());
            String written = "measure-write-" + UUID.randomUUID();
            Instant now = clock.instant();
            facts.update(written, fact -> fact.apply(TestEvents.submitted(written, "web", Language.ru, null, null, null, null,
                    now, now.plus(Duration.ofDays(15))), 0.01));
            measure(mongo, "summary of all time, after a write this month", () -> fresh.summary(Period.allTime()).figures().received());
        }
        client.close();
    }

    private void measure(MongoTemplate mongo, String what, Supplier<Integer> operation) {
        long scannedBefore = scannedObjects(mongo);
        replyBytes.set(0);
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        String outcome;
        try {
            outcome = "result " + operation.get();
        } catch (RuntimeException e) {
            outcome = "FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("%-55s %7d ms (%6d ms CPU here) %10.1f MB replies %9d documents read by the server  %s%n",
                what, millis, cpuMillis, replyBytes.get() / 1e6, scannedObjects(mongo) - scannedBefore, outcome);
    }

    /** StatsService.summary(Period.allTime()) as it read before the month tallies: the figure fields of every fact. */
    private static int formerSummary(AppealFacts facts, Instant now) {
        return FiguresCalculator.compute(facts.receivedBetween(Period.BEGINNING, Period.END, null), now).received();
    }

    private static long scannedObjects(MongoTemplate mongo) {
        Document status = mongo.executeCommand(new Document("serverStatus", 1));
        Object metrics = status.get("metrics");
        if (metrics instanceof Document document && document.get("queryExecutor") instanceof Document executor) {
            return ((Number) executor.get("scannedObjects")).longValue();
        }
        return -1;
    }

    /** Appeals received in the two years before {@code until}; 2 %, and those closing after it, stay open unless {@code allClosed}. */
    private static void preload(MongoTemplate mongo, int wanted, Instant until, boolean allClosed) {
        long stored = mongo.getCollection("appeal_facts").countDocuments();
        Random random = new Random(17);
        List<String> departments = List.of("roads", "utilities", "health", "education", "social", "land", "police");
        List<AppealFact> batch = new ArrayList<>();
        for (long i = stored; i < wanted; i++) {
            String id = "measure-" + i;
            Instant received = until.minusSeconds(random.nextLong(730L * 24 * 3600));
            Instant deadline = received.plus(Duration.ofDays(15));
            AppealFact fact = new AppealFact(id);
            fact.apply(TestEvents.submitted(id, "web", Language.ru, null, null, null, null, received, deadline), 0.01);
            fact.apply(TestEvents.lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED,
                    departments.get(random.nextInt(departments.size())), "potholes", deadline, received.plusSeconds(60)));
            for (int n = 0; n < 3; n++) {
                fact.apply(TestEvents.outcome(UUID.randomUUID().toString(), id, NotificationOutcome.DELIVERED,
                        received.plusSeconds(120 + n)));
            }
            Instant closed = received.plus(Duration.ofHours(1 + random.nextInt(20 * 24)));
            if (allClosed || (random.nextInt(100) >= 2 && closed.isBefore(until))) {
                fact.apply(TestEvents.lifecycle(id, 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, null, null, null, closed));
            }
            batch.add(fact);
            if (batch.size() == 2_000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insertAll(batch);
        }
    }
}
