package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.facts.AppealFactProjector;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.analytics.hotspots.HotspotDetector;
import kz.hearingstate.analytics.hotspots.Incident;
import kz.hearingstate.analytics.hotspots.Incidents;
import kz.hearingstate.analytics.ingest.AnalyticsIngest;
import kz.hearingstate.analytics.metrics.BusinessMetrics;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventPublisher.EventNotAcknowledgedException;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.storage.IndexCreator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Kafka refuses an incident's announcement while a batch holds two surges: the batch still checks its other place, and
 * both incidents stay stored for the retry, the second without a try of its own (each may wait seconds). Failing the batch
 * there would only have its redelivery check every place again, against a Kafka that had just refused.
 */
class HotspotAnnouncementRefusedIntegrationTest extends AnalyticsIntegrationTest {

    @Autowired
    EventReader reader;
    @Autowired
    AnalyticsProperties properties;

    @Test
    void givenKafkaRefusingTheFirstAnnouncement_whenABatchHoldsTwoSurges_thenBothAreStoredForTheRetry() {
        AtomicInteger sends = new AtomicInteger();
        EventPublisher refusingTheFirst = new EventPublisher(null, "analytics-test", java.time.Clock.systemUTC()) {
            @Override
            public void publish(String topic, String key, String eventId, String eventType, Object payload) {
                if (sends.incrementAndGet() == 1) {
                    throw new EventNotAcknowledgedException(topic, eventType, null);
                }
            }
        };
        try (MongoClient client = MongoClients.create(MONGO.uri("analytics-refused"))) {
            MongoTemplate database = new MongoTemplate(client, "analytics-refused");
            AppealFacts facts = new AppealFacts(database);
            Incidents incidents = new Incidents(database);
            DepartmentDirectory directory = new DepartmentDirectory(database);
            new IndexCreator(database, List.of(facts, incidents, directory)).afterSingletonsInstantiated();
            directory.apply(TestEvents.department("utilities", 1, "Коммуналдық қызметтер", "Коммунальные службы", "Utilities",
                    "+7 727 700 0002", true, false, NOW));
            AnalyticsIngest ingest = new AnalyticsIngest(reader, new AppealFactProjector(facts, properties.geoCellDegrees()),
                    new HotspotDetector(facts, incidents, properties.hotspots().rule(), refusingTheFirst, event -> { },
                            directory::countableCodes),
                    directory, new BusinessMetrics(new SimpleMeterRegistry()));

            Instant start = Instant.parse("2026-02-10T03:00:00Z");
            List<AppealSubmitted> arrived = new ArrayList<>();
            List<AppealLifecycleEvent> routed = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                for (String[] place : new String[][] {{"gas-supply", "Samsy"}, {"heating", "Uzynagash"}}) {
                    String id = "refused-" + place[0] + "-" + i;
                    Instant at = start.plus(Duration.ofMinutes(10L * i));
                    arrived.add(submitted(id, "mobile", Language.ru, null, place[1], 43.18, 76.62, at, at.plus(Duration.ofDays(15))));
                    routed.add(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "utilities", place[0],
                            at.plus(Duration.ofDays(15)), at.plusSeconds(60)));
                }
            }
            ingest.submitted(arrived);
            ingest.lifecycle(routed);

            List<Incident> stored = incidents.since(start.minus(Duration.ofDays(1)), 10);
            assertThat(stored).extracting(Incident::category).containsExactlyInAnyOrder("gas-supply", "heating");
            assertThat(stored).filteredOn(Incident::published).as("not tried again in the batch: each try may wait seconds")
                    .isEmpty();
            assertThat(incidents.unpublished(10)).as("both wait for the retry").hasSize(2);
            assertThat(sends).hasValue(1);
        }
    }
}
