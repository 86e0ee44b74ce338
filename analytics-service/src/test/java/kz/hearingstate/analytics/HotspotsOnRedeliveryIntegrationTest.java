package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.facts.AppealFactProjector;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.analytics.hotspots.HotspotDetector;
import kz.hearingstate.analytics.hotspots.Incidents;
import kz.hearingstate.analytics.ingest.AnalyticsIngest;
import kz.hearingstate.analytics.metrics.BusinessMetrics;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.storage.IndexCreator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch whose facts were written but whose hotspot check failed (the store gone for a moment) is delivered again,
 * with every event a duplicate of what is stored: the check must still run over those appeals' places.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotsOnRedeliveryIntegrationTest extends AnalyticsIntegrationTest {

    @Autowired
    EventReader reader;
    @Autowired
    AnalyticsProperties properties;

    private final MongoClient client = MongoClients.create(MONGO.uri("analytics-hotspots-redelivery"));

    @AfterAll
    void closeClient() {
        client.close();
    }

    @Test
    void givenASurgesBatchWhoseCheckFailedAfterItsFactsWereWritten_whenDeliveredAgain_thenTheIncidentIsFound() {
        MongoTemplate database = new MongoTemplate(client, "analytics-hotspots-redelivery");
        AppealFacts facts = new AppealFacts(database);
        Incidents incidents = new Incidents(database);
        DepartmentDirectory directory = new DepartmentDirectory(database);
        new IndexCreator(database, List.of(facts, incidents, directory)).afterSingletonsInstantiated();
        AtomicBoolean storeAway = new AtomicBoolean(false);
        AnalyticsIngest ingest = new AnalyticsIngest(reader, new AppealFactProjector(facts, properties.geoCellDegrees()),
                new HotspotDetector(facts, incidents, properties.hotspots().rule(), publisher, event -> { }, () -> {
                    if (storeAway.getAndSet(false)) {
                        throw new DataAccessResourceFailureException("the store went away during the check");
                    }
                    return directory.countableCodes();
                }), directory, new BusinessMetrics(new SimpleMeterRegistry()));
        directory.apply(TestEvents.department("utilities", 1, "ТКШ", "ЖКХ", "Utilities", "+7 727 700 0002", true, false,
                Instant.parse("2026-01-01T00:00:00Z")));

        List<AppealSubmitted> submissions = new ArrayList<>();
        List<AppealLifecycleEvent> routings = new ArrayList<>();
        Instant start = Instant.parse("2026-05-11T03:00:00Z");
        for (int i = 1; i <= 6; i++) {
            Instant received = start.plus(Duration.ofMinutes(5L * i));
            submissions.add(submitted("dark-" + i, "mobile", Language.ru, null, "Samsy", 43.18, 76.62, received,
                    received.plus(Duration.ofDays(15))));
            routings.add(lifecycle("dark-" + i, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "utilities", "street-lighting",
                    received.plus(Duration.ofDays(15)), received.plus(Duration.ofMinutes(1))));
        }
        ingest.submitted(submissions);
        storeAway.set(true);
        assertThatThrownBy(() -> ingest.lifecycle(routings)).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(facts.findAll(Set.of("dark-1", "dark-6"))).as("the facts were written before the check failed").hasSize(2)
                .allSatisfy(fact -> assertThat(fact.getCategory()).isEqualTo("street-lighting"));
        assertThat(incidents.since(Period.BEGINNING, 100)).isEmpty();

        ingest.lifecycle(routings); // the binding's retry: every event a duplicate now

        assertThat(incidents.since(Period.BEGINNING, 100)).singleElement()
                .satisfies(incident -> assertThat(incident.appealIds()).contains("dark-1", "dark-6"));
    }
}
