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
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.DepartmentChanged;
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

    @Test
    void givenASurgeRoutedToADepartmentNotReadYet_whenItsRecordArrives_thenTheSurgeIsFound_andOnlyOnceTheDepartmentMayCount() {
        MongoTemplate database = new MongoTemplate(client, "analytics-directory-arrival");
        FreshInstance fresh = freshInstance(database, reader, properties);
        AnalyticsIngest ingest = fresh.ingest();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        // Routed to water, which this instance has not read: a rebuild's first seconds, or a department just made.
        surge(ingest, "pipe-", "water-supply", "Samsy", "water", Instant.parse("2026-04-20T03:00:00Z"));
        // Routed to social-protection and moved on to utilities: counted by the department it was first routed to too.
        surge(ingest, "moved-", "heating", "Uzynagash", "social", Instant.parse("2026-04-20T03:00:00Z"));
        for (int i = 1; i <= 6; i++) {
            ingest.lifecycle(List.of(new AppealLifecycleEvent("moved-" + i, "HS-MOVED-" + i, 2, LifecycleType.ROUTED,
                    AppealStatus.ROUTED, "utilities", "social", "heating", null, "triage", "not ours", null, null,
                    Instant.parse("2026-05-20T00:00:00Z"), Instant.parse("2026-04-20T05:00:00Z"))));
        }
        ingest.departmentChanged(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false, at));
        assertThat(fresh.incidents().since(Period.BEGINNING, 100)).as("neither surge: water and social not read yet").isEmpty();

        ingest.departmentChanged(TestEvents.department("water", 1, "Су", "Вода", "Water", "+7 727 700 0004", true, true, at));
        assertThat(fresh.incidents().since(Period.BEGINNING, 100)).as("water is confidential: its appeals never count").isEmpty();

        ingest.departmentChanged(TestEvents.department("water", 2, "Су", "Вода", "Water", "+7 727 700 0004", true, false, at));
        ingest.departmentChanged(TestEvents.department("social", 1, "Әлеуметтік", "Соцзащита", "Social", "+7 727 700 0005", true,
                false, at));

        assertThat(fresh.incidents().since(Period.BEGINNING, 100))
                .extracting(incident -> incident.appealIds().stream().sorted().toList())
                .as("each surge found once its departments, now and at first, may count")
                .containsExactlyInAnyOrder(List.of("moved-1", "moved-2", "moved-3", "moved-4", "moved-5", "moved-6"),
                        List.of("pipe-1", "pipe-2", "pipe-3", "pipe-4", "pipe-5", "pipe-6"));
    }

    @Test
    void givenDirectoryChanges_whenApplied_thenOnlyAFirstReadOrAnEndToConfidentialityMakesADepartmentCountable() {
        DepartmentDirectory directory = freshInstance(new MongoTemplate(client, "analytics-countable"), reader, properties)
                .directory();

        assertThat(directory.apply(roads(1, false))).as("read for the first time").isTrue();
        assertThat(directory.apply(roads(1, false))).as("redelivered").isFalse();
        assertThat(directory.apply(roads(2, false))).as("another phone: countable before").isFalse();
        assertThat(directory.apply(roads(3, true))).as("made confidential").isFalse();
        assertThat(directory.apply(roads(2, false))).as("an older version, late").isFalse();
        assertThat(directory.apply(roads(4, false))).as("no longer confidential").isTrue();
        assertThat(directory.countableCodes()).containsExactly("roads");
    }

    /** Version {@code version} of the roads department's record (its phone changes from the second). */
    private static DepartmentChanged roads(long version, boolean confidential) {
        return TestEvents.department("roads", version, "Жол", "Дороги", "Roads", "+7 727 700 000" + (version == 1 ? 3 : 9), true,
                confidential, Instant.parse("2026-01-01T00:00:00Z"));
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
