package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.analytics.hotspots.Incident;
import kz.hearingstate.analytics.hotspots.Incidents;
import kz.hearingstate.analytics.ingest.AnalyticsIngest;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A fresh instance rebuilding from offset 0 reads the directory beside the appeals' topics, and may meet a surge of
 * reports before it knows that anti-corruption is confidential. Not knowing is not "not confidential": an appeal counts
 * in an incident (whose appeal ids go out on incidents.detected) only once its department is read and not confidential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotsBeforeTheDirectoryIntegrationTest extends AnalyticsIntegrationTest {

    @Autowired
    EventReader reader;
    @Autowired
    AnalyticsProperties properties;

    private final MongoClient client = MongoClients.create(MONGO.uri("analytics-before-directory"));

    @AfterAll
    void closeClient() {
        client.close();
    }

    @Test
    void givenASurgeOfReportsBeforeTheDirectoryIsRead_whenCounted_thenNoIncident_andOnceReadASurgeElsewhereIsFound() {
        MongoTemplate database = new MongoTemplate(client, "analytics-before-directory");
        FreshInstance fresh = freshInstance(database, reader, properties);
        Incidents incidents = fresh.incidents();
        DepartmentDirectory directory = fresh.directory();
        AnalyticsIngest ingest = fresh.ingest();

        // Partly read: utilities is named, anti-corruption (another partition of departments.directory) not yet.
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        directory.apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false, at));
        surge(ingest, "early-report-", "bribery", "Samsy", "anti-corruption", Instant.parse("2026-04-20T03:00:00Z"));
        assertThat(incidents.since(Period.BEGINNING, 100)).as("anti-corruption not read yet: not known to be safe to list")
                .isEmpty();

        directory.apply(TestEvents.department("anti-corruption", 1, "Сыбайлас жемқорлыққа қарсы", "Противодействие коррупции",
                "Anti-corruption", "+7 727 700 0001", true, true, at));
        // A surge of the same category and place, at utilities: the earlier reports in its windows do not count.
        surge(ingest, "early-light-", "bribery", "Samsy", "utilities", Instant.parse("2026-04-20T03:30:00Z"));

        List<Incident> found = incidents.since(Period.BEGINNING, 100);
        assertThat(found).isNotEmpty().allSatisfy(incident -> assertThat(incident.appealIds())
                .allMatch(id -> id.startsWith("early-light-")));
    }

    private static void surge(AnalyticsIngest ingest, String prefix, String category, String settlement, String department,
            Instant start) {
        for (int i = 1; i <= 6; i++) {
            Instant received = start.plus(Duration.ofMinutes(5L * i));
            ingest.submitted(List.of(submitted(prefix + i, "mobile", Language.ru, null, settlement, 43.18, 76.62, received,
                    received.plus(Duration.ofDays(15)))));
            ingest.lifecycle(List.of(lifecycle(prefix + i, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, department, category,
                    received.plus(Duration.ofDays(15)), received.plus(Duration.ofMinutes(1)))));
        }
    }
}
