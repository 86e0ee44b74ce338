package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
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
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A long surge in one place: a batch of its appeals reads the place's incident once and writes it once, adding only the
 * appeals it lacks. Each window of a surge used to add every appeal it held and read the incident back, so the store's
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
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(MONGO.uri("analytics-surge-writes")))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonValue collection = event.getCommand().get(event.getCommandName()); // {find: "incidents", ...}
                    if (collection != null && collection.isString() && collection.asString().getValue().equals("incidents")) {
                        synchronized (incidentCommands) {
                            incidentCommands.add(event.getCommand().clone());
                        }
                    }
                }
            }).build());

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

        List<Incident> found = fresh.incidents().since(Period.BEGINNING, 10);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().appealIds()).hasSize(40).doesNotHaveDuplicates();
        assertThat(joins(first)).as("made by an insert, its later appeals added by one update").hasSize(1);
        assertThat(first).as("looked for once, made, marked announced, joined").hasSizeLessThanOrEqualTo(4);

        List<BsonDocument> second = commandsOf(() -> batch(ingest, 41, 10));

        assertThat(fresh.incidents().since(Period.BEGINNING, 10).getFirst().appealIds()).hasSize(50).doesNotHaveDuplicates();
        assertThat(joins(second)).hasSize(1);
        assertThat(addedIds(joins(second).getFirst())).as("only the batch's appeals are sent, not the 40 held").hasSize(10);
        assertThat(second).hasSizeLessThanOrEqualTo(2);
    }

    /** Appeals {@code from} .. {@code from + count - 1} of a street-lighting surge in Samsy, a minute apart, in one batch. */
    private static void batch(AnalyticsIngest ingest, int from, int count) {
        List<AppealSubmitted> submissions = new ArrayList<>();
        List<AppealLifecycleEvent> routings = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Instant received = START.plus(Duration.ofMinutes(i));
            submissions.add(submitted("surge-" + i, "mobile", Language.ru, null, "Samsy", 43.3, 76.4, received,
                    received.plus(Duration.ofDays(15))));
            routings.add(lifecycle("surge-" + i, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "utilities", "street-lighting",
                    received.plus(Duration.ofDays(15)), received.plusSeconds(30)));
        }
        ingest.submitted(submissions);
        ingest.lifecycle(routings);
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

    private static List<?> addedIds(BsonDocument update) {
        return update.getArray("updates").get(0).asDocument().getDocument("u").getDocument("$addToSet")
                .getDocument("appealIds").getArray("$each");
    }
}
