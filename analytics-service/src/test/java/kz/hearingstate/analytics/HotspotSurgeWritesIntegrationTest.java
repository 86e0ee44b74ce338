package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.analytics.hotspots.Incident;
import kz.hearingstate.analytics.ingest.AnalyticsIngest;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.testing.ObservedMongoClients;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A long surge in one place: a batch of its appeals reads the place's incident once and writes it once, adding only the
 * appeals it lacks (the place's active incidents, ids and last appeals alone, are read once for the batch). Each window of a surge used to add every appeal it held and read the incident back, so the store's
 * work grew with the square of the surge (a benchmark's steady load is one long surge in every place).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotSurgeWritesIntegrationTest extends AnalyticsIntegrationTest {

    private static final Instant START = Instant.parse("2026-05-11T01:00:00Z");

    @Autowired
    EventReader reader;
    @Autowired
    AnalyticsProperties properties;

    private final List<BsonDocument> incidentCommands = new ArrayList<>();
    /** The reads of a category's appeals in places, the surge check's. */
    private final List<BsonDocument> placeReads = new ArrayList<>();
    private final MongoClient client = ObservedMongoClients.onSent(MONGO.uri("analytics-surge-writes"), event -> {
        BsonValue collection = event.getCommand().get(event.getCommandName()); // {find: "incidents", ...}
        if (collection == null || !collection.isString()) {
            return;
        }
        if (collection.asString().getValue().equals("incidents")) {
            synchronized (incidentCommands) {
                incidentCommands.add(event.getCommand().clone());
            }
        }
        if (collection.asString().getValue().equals("appeal_facts") && event.getCommandName().equals("find")
                && event.getCommand().getDocument("filter").containsKey("category")) {
            synchronized (placeReads) {
                placeReads.add(event.getCommand().clone());
            }
        }
    });

    @AfterAll
    void closeClient() {
        client.close();
    }

    @Test
    void givenALongSurgeInOnePlace_whenABatchOfItsAppealsIsCounted_thenTheIncidentIsReadOnceAndWrittenOnceWithOnlyTheNewAppeals() {
        FreshInstance fresh = freshInstance(new MongoTemplate(client, "analytics-surge-writes"), reader, properties);
        fresh.directory().apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false,
                START));
        AnalyticsIngest ingest = fresh.ingest();

        List<BsonDocument> first = commandsOf(() -> batch(ingest, 1, 40));

        List<Incident> found = incidents(fresh, "street-lighting");
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().appealIds()).hasSize(40).doesNotHaveDuplicates();
        assertThat(joins(first)).as("made by an insert, its later appeals added by one update").hasSize(1);
        assertThat(wholeReads(first)).as("made here: its appeal ids are known without reading them").isEmpty();
        assertThat(activeReads(first)).as("the place's active incidents read once for the batch, not once per window")
                .hasSize(1);

        List<BsonDocument> second = commandsOf(() -> batch(ingest, 41, 10));

        assertThat(incidents(fresh, "street-lighting").getFirst().appealIds()).hasSize(50).doesNotHaveDuplicates();
        assertThat(joins(second)).hasSize(1);
        assertThat(addedIds(joins(second).getFirst())).as("only the batch's appeals are sent, not the 40 held").hasSize(10);
        assertThat(wholeReads(second)).as("the incident's appeal ids read once, not after every window").hasSize(1);
        assertThat(activeReads(second)).hasSize(1);
    }

    @Test
    void givenTwoSurgesOfOnePlaceHoursApartInOneBatch_whenCounted_thenEachHasItsOwnIncidentWithOnlyItsAppeals() {
        FreshInstance fresh = freshInstance(new MongoTemplate(client, "analytics-surge-writes"), reader, properties);
        fresh.directory().apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false,
                START));
        Batch night = appeals("night-", "heating", START, 1, 6);
        Batch day = appeals("day-", "heating", START.plus(Duration.ofHours(12)), 1, 6);

        fresh.ingest().submitted(concat(night.submissions(), day.submissions()));
        fresh.ingest().lifecycle(concat(night.routings(), day.routings()));

        List<Incident> heating = incidents(fresh, "heating");
        assertThat(heating).extracting(incident -> incident.appealIds().stream().sorted().toList())
                .containsExactlyInAnyOrder(List.of("night-1", "night-2", "night-3", "night-4", "night-5", "night-6"),
                        List.of("day-1", "day-2", "day-3", "day-4", "day-5", "day-6"));
    }

    @Test
    void givenASurgeLongerThanTheWindowInOneBatch_whenCounted_thenItStaysOneIncidentToItsLastAppeal() {
        // Appeals every 30 minutes for ten hours: the windows late in the batch start after the incident's last appeal as
        // the store holds it, and only the batch's joins, not written yet, keep the incident active for them.
        FreshInstance fresh = freshInstance(new MongoTemplate(client, "analytics-surge-writes"), reader, properties);
        fresh.directory().apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false,
                START));
        List<AppealSubmitted> submissions = new ArrayList<>();
        List<AppealLifecycleEvent> routings = new ArrayList<>();
        Instant last = null;
        for (int i = 0; i <= 20; i++) {
            Batch one = appeals("water-" + i + "-", "water-supply", START.plus(Duration.ofMinutes(30L * i)), 0, 1);
            submissions.addAll(one.submissions());
            routings.addAll(one.routings());
            last = one.submissions().getFirst().receivedAt();
        }

        fresh.ingest().submitted(submissions);
        fresh.ingest().lifecycle(routings);

        List<Incident> water = incidents(fresh, "water-supply");
        assertThat(water).hasSize(1);
        assertThat(water.getFirst().appealIds()).hasSize(21).doesNotHaveDuplicates();
        assertThat(water.getFirst().lastAppealAt()).isEqualTo(last);
    }

    @Test
    void givenSurgesInThreeSettlementsAndAnAppealMonthsOldInOneBatch_whenCounted_thenTwoQueriesReadTheirAppealsAndEachSurgeHasItsOwnIncident() {
        FreshInstance fresh = freshInstance(new MongoTemplate(client, "analytics-surge-writes"), reader, properties);
        fresh.directory().apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false,
                START));
        List<Batch> batches = List.of(appeals("samsy-", "gas-supply", "Samsy", START, 1, 6),
                appeals("uzynagash-", "gas-supply", "Uzynagash", START, 1, 6),
                appeals("karakastek-", "gas-supply", "Karakastek", START, 1, 6),
                // Routed now, received three months before: read by a query of its own, not by one spanning the months.
                appeals("old-", "gas-supply", "Mynbaev", START.minus(Duration.ofDays(90)), 1, 1));
        List<AppealSubmitted> submissions = new ArrayList<>();
        List<AppealLifecycleEvent> routings = new ArrayList<>();
        batches.forEach(batch -> {
            submissions.addAll(batch.submissions());
            routings.addAll(batch.routings());
        });
        fresh.ingest().submitted(submissions);
        synchronized (placeReads) {
            placeReads.clear();
        }

        List<BsonDocument> commands = commandsOf(() -> fresh.ingest().lifecycle(routings));

        synchronized (placeReads) {
            assertThat(placeReads).as("the three settlements' appeals read together, the old one's apart").hasSize(2);
        }
        assertThat(activeReads(commands)).as("the category's active incidents read once for its places").hasSize(1);
        List<Incident> gas = incidents(fresh, "gas-supply");
        assertThat(gas).extracting(incident -> incident.appealIds().stream().map(id -> id.substring(0, id.indexOf('-'))).distinct()
                .toList()).as("each incident holds the appeals of its own settlement only")
                .containsExactlyInAnyOrder(List.of("samsy"), List.of("uzynagash"), List.of("karakastek"));
        assertThat(gas).allSatisfy(incident -> assertThat(incident.appealIds()).hasSize(6));
    }

    @Test
    void givenASurgeCounted_whenItsAppealsAreAssignedAndAnswered_thenNoPlaceIsCheckedAgainUntilOneIsForwarded() {
        FreshInstance fresh = freshInstance(new MongoTemplate(client, "analytics-surge-writes"), reader, properties);
        fresh.directory().apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false,
                START));
        fresh.directory().apply(TestEvents.department("roads", 1, "Жол", "Дороги", "Roads", "+7 727 700 0003", true, false,
                START));
        Batch surge = appeals("sewer-", "sewerage", START, 1, 6);
        fresh.ingest().submitted(surge.submissions());
        fresh.ingest().lifecycle(surge.routings());
        assertThat(incidents(fresh, "sewerage")).hasSize(1);
        List<AppealLifecycleEvent> assignedAndAnswered = new ArrayList<>();
        List<AppealLifecycleEvent> forwarded = new ArrayList<>();
        for (AppealLifecycleEvent routed : surge.routings()) {
            // As routing sends them: the category on every event.
            assignedAndAnswered.add(lifecycle(routed.appealId(), 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS, "utilities",
                    "sewerage", routed.deadline(), routed.occurredAt().plusSeconds(60)));
            assignedAndAnswered.add(lifecycle(routed.appealId(), 3, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "utilities",
                    "sewerage", routed.deadline(), routed.occurredAt().plusSeconds(120)));
        }
        // A move to another department of the akimat, as routing sends it: routed again, with the department it left.
        AppealLifecycleEvent first = surge.routings().getFirst();
        forwarded.add(new AppealLifecycleEvent(first.appealId(), first.trackingCode(), 4, LifecycleType.ROUTED,
                AppealStatus.ROUTED, "roads", "utilities", "sewerage", null, "triage", "not ours", null, null, first.deadline(),
                first.occurredAt().plusSeconds(180)));
        synchronized (placeReads) {
            placeReads.clear();
        }

        List<BsonDocument> answering = commandsOf(() -> fresh.ingest().lifecycle(assignedAndAnswered));

        assertThat(fresh.facts().find("sewer-6").orElseThrow().getStatus()).isEqualTo(AppealStatus.ANSWERED);
        synchronized (placeReads) {
            assertThat(placeReads).as("an assignment or an answer moves no appeal's place").isEmpty();
        }
        assertThat(answering).as("nor reads or writes an incident").isEmpty();

        commandsOf(() -> fresh.ingest().lifecycle(forwarded));

        synchronized (placeReads) {
            assertThat(placeReads).as("a move to another department does").hasSize(1);
        }
    }

    @Test
    void givenABatchWhoseCheckFoundNothing_whenItIsRedelivered_thenItsPlacesAreCheckedAgain() {
        // Its own database: the directory of this class's other tests names utilities already.
        FreshInstance fresh = freshInstance(new MongoTemplate(client, "analytics-surge-redelivered"), reader, properties);
        Batch surge = appeals("drain-", "storm-drains", START, 1, 6);
        fresh.ingest().submitted(surge.submissions());
        fresh.ingest().lifecycle(surge.routings());
        assertThat(incidents(fresh, "storm-drains")).as("utilities not read from the directory yet: not known to be safe to list").isEmpty();
        fresh.directory().apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false,
                START));

        // The same batch again, as after a check that failed or a process that stopped once the facts were written.
        fresh.ingest().lifecycle(surge.routings());

        assertThat(incidents(fresh, "storm-drains")).singleElement().satisfies(incident -> assertThat(incident.appealIds())
                .containsExactlyInAnyOrder("drain-1", "drain-2", "drain-3", "drain-4", "drain-5", "drain-6"));
    }

    /** The incidents of one category: this class's tests share a database. */
    private static List<Incident> incidents(FreshInstance fresh, String category) {
        return fresh.incidents().since(Period.BEGINNING, 10).stream()
                .filter(incident -> incident.category().equals(category)).toList();
    }

    private record Batch(List<AppealSubmitted> submissions, List<AppealLifecycleEvent> routings) {
    }

    /** Appeals {@code from} .. {@code from + count - 1} of a surge in Samsy, a minute apart from {@code start}. */
    private static Batch appeals(String prefix, String category, Instant start, int from, int count) {
        return appeals(prefix, category, "Samsy", start, from, count);
    }

    /** Appeals {@code from} .. {@code from + count - 1} of a surge in a settlement, a minute apart from {@code start}. */
    private static Batch appeals(String prefix, String category, String settlement, Instant start, int from, int count) {
        List<AppealSubmitted> submissions = new ArrayList<>();
        List<AppealLifecycleEvent> routings = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Instant received = start.plus(Duration.ofMinutes(i));
            submissions.add(submitted(prefix + i, "mobile", Language.ru, null, settlement, 43.3, 76.4, received,
                    received.plus(Duration.ofDays(15))));
            routings.add(lifecycle(prefix + i, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "utilities", category,
                    received.plus(Duration.ofDays(15)), received.plusSeconds(30)));
        }
        return new Batch(submissions, routings);
    }

    /** A street-lighting surge's appeals {@code from} .. {@code from + count - 1}, in one batch. */
    private static void batch(AnalyticsIngest ingest, int from, int count) {
        Batch batch = appeals("surge-", "street-lighting", START, from, count);
        ingest.submitted(batch.submissions());
        ingest.lifecycle(batch.routings());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private List<BsonDocument> commandsOf(Runnable work) {
        synchronized (incidentCommands) {
            incidentCommands.clear();
        }
        work.run();
        synchronized (incidentCommands) {
            return List.copyOf(incidentCommands);
        }
    }

    /** The updates that add appeals to an incident. */
    private static List<BsonDocument> joins(List<BsonDocument> commands) {
        return commands.stream().filter(command -> command.containsKey("update")
                && command.getArray("updates").get(0).asDocument().getDocument("u").containsKey("$addToSet")).toList();
    }

    /** The reads of a place's active incidents, their ids and last appeals alone. */
    private static List<BsonDocument> activeReads(List<BsonDocument> commands) {
        return commands.stream().filter(command -> command.containsKey("find") && command.containsKey("projection")).toList();
    }

    /** The reads of whole incidents (the place's active ones are read with their ids and last appeals alone). */
    private static List<BsonDocument> wholeReads(List<BsonDocument> commands) {
        return commands.stream().filter(command -> command.containsKey("find") && !command.containsKey("projection")).toList();
    }

    private static List<?> addedIds(BsonDocument update) {
        return update.getArray("updates").get(0).asDocument().getDocument("u").getDocument("$addToSet")
                .getDocument("appealIds").getArray("$each");
    }
}
