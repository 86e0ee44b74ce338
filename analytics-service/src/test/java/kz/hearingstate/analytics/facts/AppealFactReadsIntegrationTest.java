package kz.hearingstate.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import kz.hearingstate.analytics.TestEvents;
import kz.hearingstate.analytics.figures.DepartmentFigures;
import kz.hearingstate.analytics.figures.DepartmentGauges;
import kz.hearingstate.analytics.figures.Dimensions;
import kz.hearingstate.analytics.figures.Figures;
import kz.hearingstate.analytics.figures.FiguresCalculator;
import kz.hearingstate.analytics.figures.Interval;
import kz.hearingstate.analytics.figures.Metric;
import kz.hearingstate.analytics.figures.StatsService;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.analytics.figures.Summary;
import kz.hearingstate.analytics.figures.TimeSeries;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.testing.MongoWireServer;
import kz.hearingstate.testing.ObservedMongoClients;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the figures read of the store: the department gauges only the open and the recently closed appeals, figures of
 * all time the facts of the months written to since they were last asked for, and every read only the fields its
 * figures need, however many appeals the store holds. Counted in the replies to {@code find} and {@code getMore} as
 * the driver received them.
 */
class AppealFactReadsIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-03-20T06:00:00Z");
    private static final Duration SLA_WINDOW = Duration.ofDays(30); // from 2026-02-18T06:00Z
    private static final int OLD_APPEALS = 200;

    private MongoWireServer server;
    private MongoClient client;
    /** Documents of {@code appeal_facts} the driver received. */
    private final List<BsonDocument> loaded = new ArrayList<>();
    /** Documents of {@code receipt_months} the driver received. */
    private final List<BsonDocument> loadedElsewhere = new ArrayList<>();
    private volatile boolean recording;
    private MongoTemplate mongo;
    private AppealFacts appealFacts;
    private StatsService stats;

    @BeforeEach
    void givenAStoreOfManyLongClosedAppealsAndAFewCurrentOnes() {
        server = new MongoWireServer();
        client = ObservedMongoClients.onAnswered(server.uri("analytics"), event -> {
            BsonDocument cursor = event.getResponse().getDocument("cursor", null);
            if (cursor != null && recording) {
                BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch") : cursor.getArray("nextBatch");
                String collection = cursor.getString("ns").getValue();
                batch.forEach(document -> (collection.endsWith(".appeal_facts") ? loaded : loadedElsewhere)
                        .add(document.asDocument()));
            }
        });
        mongo = new MongoTemplate(client, "analytics");
        List<AppealFact> stored = new ArrayList<>();
        for (int i = 0; i < OLD_APPEALS; i++) {
            AppealFact old = routed("old-" + i, i % 2 == 0 ? "roads" : "utilities", "2025-06-01T04:00:00Z", "2025-06-12T13:00:00Z");
            for (int n = 0; n < 3; n++) {
                old.apply(TestEvents.outcome("n-" + i + "-" + n, old.getAppealId(), NotificationOutcome.DELIVERED,
                        Instant.parse("2025-06-01T05:00:00Z")));
            }
            stored.add(step(old, 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "2025-06-10T06:00:00Z"));
        }
        stored.add(routed("open-1", "roads", "2026-03-18T04:00:00Z", "2026-03-30T13:00:00Z"));
        stored.add(step(routed("open-2", "utilities", "2026-03-02T04:00:00Z", "2026-03-12T13:00:00Z"), 2,
                LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS, "2026-03-02T08:00:00Z")); // overdue
        stored.add(step(routed("recent-1", "roads", "2026-03-02T04:00:00Z", "2026-03-12T13:00:00Z"), 2,
                LifecycleType.ANSWERED, AppealStatus.ANSWERED, "2026-03-10T06:00:00Z")); // on time
        stored.add(step(routed("recent-2", "roads", "2026-03-02T04:00:00Z", "2026-03-12T13:00:00Z"), 2,
                LifecycleType.ANSWERED, AppealStatus.ANSWERED, "2026-03-14T06:00:00Z")); // late
        AppealFact reopened = step(routed("reopened", "roads", "2026-03-02T04:00:00Z", "2026-03-30T13:00:00Z"), 2,
                LifecycleType.ANSWERED, AppealStatus.ANSWERED, "2026-03-05T06:00:00Z");
        stored.add(step(reopened, 3, LifecycleType.REOPENED, AppealStatus.IN_PROGRESS, "2026-03-06T06:00:00Z"));
        stored.add(step(routed("edge", "utilities", "2026-02-10T04:00:00Z", "2026-02-20T13:00:00Z"), 2,
                LifecycleType.ANSWERED, AppealStatus.ANSWERED, "2026-02-18T05:59:00Z")); // a minute before the window
        mongo.insertAll(stored); // as a version before the month counters stored them: without counting

        recording = true;
        appealFacts = new AppealFacts(mongo);
        stats = new StatsService(appealFacts, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Almaty"),
                SLA_WINDOW);
    }

    @AfterEach
    void stopTheStore() {
        client.close();
        server.close();
    }

    @Test
    void givenTheStore_whenTheDepartmentGaugesAreComputed_thenOnlyTheOpenAndTheRecentlyClosedAreRead() {
        List<DepartmentGauges> gauges = stats.departmentGauges(List.of("schools"));

        // roads: open-1 and reopened open, none overdue; recent-1 on time, recent-2 late. utilities: open-2 overdue,
        // nothing closed in the window ("edge" closed a minute before it, the old ones in 2025).
        assertThat(gauges).containsExactly(
                new DepartmentGauges("roads", 2, 0, new Figures.Ratio(1, 2, 0.5)),
                new DepartmentGauges("schools", 0, 0, new Figures.Ratio(0, 0, null)),
                new DepartmentGauges("utilities", 1, 1, new Figures.Ratio(0, 0, null)));
        assertThat(loaded).extracting(document -> document.getString("_id").getValue())
                .containsExactlyInAnyOrder("open-1", "open-2", "reopened", "recent-1", "recent-2");
        assertThat(loaded).allSatisfy(document -> assertThat(document.keySet())
                .isSubsetOf("_id", "department", "status", "deadline", "closedAt", "slaBreachAnnounced"));
    }

    @Test
    void givenTheStore_whenFiguresOfAllTimeAreComputed_thenNoEventIdsAreRead_andTheFiguresAreThoseOfTheWholeFacts() {
        List<AppealFact> whole = mongo.findAll(AppealFact.class);
        loaded.clear();

        Summary summary = stats.summary(Period.allTime());
        List<BsonDocument> readForSummary = List.copyOf(loaded);

        assertThat(summary.figures()).isEqualTo(FiguresCalculator.compute(whole, NOW));
        assertThat(summary.figures().received()).isEqualTo(OLD_APPEALS + 6);
        assertThat(summary.notifications().delivered()).isEqualTo(3 * OLD_APPEALS);
        assertThat(stats.departments(Period.allTime())).containsExactly(
                new DepartmentFigures("roads", FiguresCalculator.compute(of(whole, "roads"), NOW)),
                new DepartmentFigures("utilities", FiguresCalculator.compute(of(whole, "utilities"), NOW)));
        // The first request of a store stored before the counters: every fact once, none of a listed month, without
        // its event ids; then their months are listed.
        assertThat(readForSummary).hasSize(OLD_APPEALS + 6).noneMatch(document -> document.containsKey("appliedEventIds"));
        assertThat(appealFacts.receiptMonths()).containsOnlyKeys(YearMonth.of(2025, 6), YearMonth.of(2026, 2),
                YearMonth.of(2026, 3));
    }

    @Test
    void givenFiguresOfAllTimeAsked_whenAskedAgain_thenOnlyTheMonthCountersAreRead_howeverManyAppealsTheMonthsHold() {
        List<AppealFact> whole = mongo.findAll(AppealFact.class);
        askedTwice();
        loaded.clear();
        loadedElsewhere.clear();

        Summary summary = stats.summary(Period.allTime());
        List<DepartmentFigures> departments = stats.departments(Period.allTime());

        assertThat(summary.figures()).isEqualTo(FiguresCalculator.compute(whole, NOW));
        assertThat(departments).hasSize(2);
        assertThat(loaded).isEmpty();
        // For each request: one counter per month of receipt.
        assertThat(loadedElsewhere).hasSize(2 * 3);
    }

    @Test
    void givenFiguresOfAllTimeAsked_whenAnAppealChanges_thenOnlyTheFactsOfItsMonthOfReceiptAreReadAgain() {
        askedTwice();
        loaded.clear();

        appealFacts.updateAll(List.of(
                new AppealFacts.Change("recent-1", fact -> fact.apply(TestEvents.feedback("f-1", "recent-1", 2, false,
                        Instant.parse("2026-03-19T06:00:00Z")))),
                new AppealFacts.Change("open-1", fact -> fact.apply(TestEvents.lifecycle("open-1", 2,
                        LifecycleType.ANSWERED, AppealStatus.ANSWERED, null, null, null, Instant.parse("2026-03-19T07:00:00Z"))))));
        List<AppealFact> whole = mongo.findAll(AppealFact.class);
        loaded.clear();
        Summary summary = stats.summary(Period.allTime());

        assertThat(summary.figures()).isEqualTo(FiguresCalculator.compute(whole, NOW));
        assertThat(summary.figures().satisfaction().feedbackCount()).isEqualTo(1);
        assertThat(summary.byStatus()).containsEntry("ANSWERED", OLD_APPEALS + 4);
        // The five appeals received in March 2026, not the 200 of June 2025 nor February's one.
        assertThat(loaded).extracting(document -> document.getString("_id").getValue())
                .containsExactlyInAnyOrder("open-1", "open-2", "recent-1", "recent-2", "reopened");
    }

    @Test
    void givenAWriteWhoseCountWasLost_whenItsEventIsRedelivered_thenTheMonthIsCounted_andTheFiguresFollowTheFacts() {
        askedTwice();
        AppealFeedback feedback = TestEvents.feedback("f-1", "old-0", 5, true, Instant.parse("2026-03-19T06:00:00Z"));
        AppealFact old = appealFacts.find("old-0").orElseThrow();
        old.apply(feedback);
        mongo.save(old); // written, and the process stopped before it counted the write

        assertThat(stats.summary(Period.allTime()).figures().satisfaction().feedbackCount()).isZero(); // not yet
        // Redelivered with an event of another month: June 2025 is counted for the duplicate alone.
        appealFacts.updateAll(List.of(new AppealFacts.Change("old-0", fact -> fact.apply(feedback)),
                new AppealFacts.Change("open-1", fact -> fact.apply(TestEvents.feedback("f-2", "open-1", 3, false,
                        Instant.parse("2026-03-19T06:00:00Z"))))));

        Summary summary = stats.summary(Period.allTime());
        assertThat(summary.figures()).isEqualTo(FiguresCalculator.compute(mongo.findAll(AppealFact.class), NOW));
        assertThat(summary.figures().satisfaction().feedbackCount()).isEqualTo(2);
    }

    /** The first request reads the facts no month lists, and lists their months; the second tallies each month. */
    private void askedTwice() {
        stats.summary(Period.allTime());
        stats.summary(Period.allTime());
    }

    @Test
    void givenFactsOfAMonthNoCounterLists_whenFiguresOfAllTimeAreAsked_thenTheyAreCounted() {
        askedTwice();
        AppealFact written = routed("elsewhere", "roads", "2024-01-10T04:00:00Z", "2024-01-20T13:00:00Z");
        mongo.insert(written); // by another writer, which counts nothing
        loaded.clear();

        Summary summary = stats.summary(Period.allTime());

        assertThat(summary.figures().received()).isEqualTo(OLD_APPEALS + 7);
        assertThat(loaded).extracting(document -> document.getString("_id").getValue()).containsExactly("elsewhere");
        assertThat(appealFacts.receiptMonths()).containsKey(YearMonth.of(2024, 1));
    }

    @Test
    void givenTheMonthsListed_whenPeriodsCutThroughMonthsAreAsked_thenTheFiguresAreThoseOfTheFactsReceivedInThem() {
        askedTwice();
        List<AppealFact> whole = mongo.findAll(AppealFact.class);
        // June 2025 and February 2026 whole with March 2026 in part (the gap between them listed by no counter); June
        // in part (its appeals received at 04:00 left out) with February and March whole; the Almaty February, which
        // covers no UTC month whole.
        List<Period> periods = List.of(
                new Period(Instant.parse("2025-05-15T00:00:00Z"), Instant.parse("2026-03-02T05:00:00Z")),
                new Period(Instant.parse("2025-06-01T04:00:01Z"), Instant.parse("2026-04-01T00:00:00Z")),
                new Period(Instant.parse("2026-01-31T19:00:00Z"), Instant.parse("2026-02-28T19:00:00Z")));

        for (Period period : periods) {
            List<AppealFact> received = whole.stream()
                    .filter(fact -> !fact.getReceivedAt().isBefore(period.from()) && fact.getReceivedAt().isBefore(period.to()))
                    .toList();
            assertThat(stats.summary(period).figures()).as("%s", period).isEqualTo(FiguresCalculator.compute(received, NOW));
            assertThat(stats.departments(period)).as("%s", period).containsExactlyElementsOf(received.stream()
                    .map(AppealFact::getDepartment).distinct().sorted()
                    .map(department -> new DepartmentFigures(department, FiguresCalculator.compute(of(received, department), NOW)))
                    .toList());
        }
    }

    @Test
    void givenAConfidentialDepartment_whenFiguresAreSplitByChannel_thenItsAppealsCountInTheTotalsButNotInAnySplit() {
        // Forwarded from roads into the confidential department later: it stays in the splits, so that the move
        // changes none of them (leaving them would say which appeal went there).
        AppealFact moved = routed("moved-in", "roads", "2026-03-18T04:00:00Z", "2026-03-30T13:00:00Z");
        moved.apply(TestEvents.lifecycle("moved-in", 2, LifecycleType.FORWARDED, AppealStatus.ROUTED, "utilities", null, null,
                Instant.parse("2026-03-18T06:00:00Z")));
        mongo.insert(moved);
        StatsService withConfidential = new StatsService(appealFacts, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Almaty"),
                SLA_WINDOW, () -> Set.of("utilities"), () -> departmentsOf(mongo.findAll(AppealFact.class), "utilities"));
        List<AppealFact> whole = mongo.findAll(AppealFact.class);
        int utilities = of(whole, "utilities").size() - 1; // first routed there: all but the moved one
        assertThat(utilities).isPositive();

        Summary summary = withConfidential.summary(Period.allTime());
        assertThat(summary.figures().received()).isEqualTo(whole.size());
        assertThat(summary.byDepartment()).containsEntry("utilities", utilities + 1);
        assertThat(summary.byChannel()).containsEntry("web", whole.size() - utilities);
        assertThat(summary.bySettlement().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(whole.size() - utilities);

        int byChannel = withConfidential.timeSeries(Metric.RECEIVED, Interval.MONTH, Period.allTime(),
                new Dimensions(null, null, "web", null, null)).points().stream().mapToInt(TimeSeries.Point::count).sum();
        int unsplit = withConfidential.timeSeries(Metric.RECEIVED, Interval.MONTH, Period.allTime(), Dimensions.ANY)
                .points().stream().mapToInt(TimeSeries.Point::count).sum();
        assertThat(byChannel).isEqualTo(whole.size() - utilities);
        assertThat(unsplit).isEqualTo(whole.size());
        // Roads' web appeals, by the department they were first routed to: the one forwarded on is still one of them.
        int roadsByChannel = withConfidential.timeSeries(Metric.RECEIVED, Interval.MONTH, Period.allTime(),
                new Dimensions("roads", null, "web", null, null)).points().stream().mapToInt(TimeSeries.Point::count).sum();
        assertThat(roadsByChannel).isEqualTo(of(whole, "roads").size() + 1);
    }

    @Test
    void givenARebuildThatHasNotReadADepartmentYet_whenFiguresAreSplit_thenItsAppealsCountInTheTotalsAndInNoSplitUntilItIsNamed() {
        // A fresh instance reads the directory beside the appeals: until it has read "utilities", whether that one is
        // confidential is unknown, and a report of it in a split by channel or settlement would single out who wrote it.
        Set<String> named = new HashSet<>(departmentsOf(mongo.findAll(AppealFact.class), "utilities"));
        StatsService rebuilding = new StatsService(appealFacts, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Almaty"),
                SLA_WINDOW, Set::of, () -> Set.copyOf(named));
        List<AppealFact> whole = mongo.findAll(AppealFact.class);
        int utilities = of(whole, "utilities").size();
        assertThat(utilities).isPositive();

        Summary before = rebuilding.summary(Period.allTime());
        assertThat(before.figures().received()).isEqualTo(whole.size());
        assertThat(before.byDepartment()).containsEntry("utilities", utilities);
        assertThat(before.byChannel()).containsEntry("web", whole.size() - utilities);
        int seriesBefore = rebuilding.timeSeries(Metric.RECEIVED, Interval.MONTH, Period.allTime(),
                new Dimensions(null, null, "web", null, null)).points().stream().mapToInt(TimeSeries.Point::count).sum();
        assertThat(seriesBefore).isEqualTo(whole.size() - utilities);

        named.add("utilities"); // the directory's record of it read: not confidential
        Summary after = rebuilding.summary(Period.allTime());
        assertThat(after.byChannel()).containsEntry("web", whole.size());
        assertThat(after.bySettlement().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(whole.size());
    }

    /** The departments of these facts, less {@code except}. */
    private static Set<String> departmentsOf(List<AppealFact> facts, String except) {
        return facts.stream().map(AppealFact::getDepartment).filter(department -> !except.equals(department))
                .collect(Collectors.toSet());
    }

    private static List<AppealFact> of(List<AppealFact> facts, String department) {
        return facts.stream().filter(fact -> department.equals(fact.getDepartment())).toList();
    }

    private static AppealFact routed(String id, String department, String received, String deadline) {
        AppealFact fact = new AppealFact(id);
        fact.apply(TestEvents.submitted(id, "web", Language.kk, null, null, null, null, Instant.parse(received),
                Instant.parse(deadline)), 0.01);
        fact.apply(TestEvents.lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, department, "potholes",
                Instant.parse(deadline), Instant.parse(received).plusSeconds(600)));
        return fact;
    }

    private static AppealFact step(AppealFact fact, long sequence, LifecycleType type, AppealStatus status, String at) {
        fact.apply(TestEvents.lifecycle(fact.getAppealId(), sequence, type, status, fact.getDepartment(), null, null,
                Instant.parse(at)));
        return fact;
    }
}
