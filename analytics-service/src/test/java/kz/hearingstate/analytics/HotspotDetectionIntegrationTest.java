package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.analytics.hotspots.HotspotDetector;
import kz.hearingstate.analytics.hotspots.Incident;
import kz.hearingstate.analytics.hotspots.Incidents;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventSchemas;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * A surge of street-lighting appeals in Karakastek: six within two hours in the night of 20 March, where
 * the 48 hours before had none. With the defaults (6 h window, 8 baseline windows, at least
 * max(5, 3 × baseline)) the baseline is 0, so the fifth appeal of the surge crosses the threshold of 5.
 */
class HotspotDetectionIntegrationTest extends AnalyticsIntegrationTest {

    private static final String CATEGORY = "street-lighting";

    @Autowired
    Incidents incidents;
    @Autowired
    HotspotDetector hotspots;
    @Autowired
    MeterRegistry registry;
    @Autowired
    MongoTemplate mongo;
    private static final String PERIOD = "from=2026-03-20T00:00:00Z&to=2026-03-20T06:00:00Z";

    @Test
    void givenSixSimilarAppealsInTwoHours_whenTheFifthArrives_thenOneIncidentIsPublishedOnceAndShownAsAHotspot() {
        Instant surgeStart = Instant.parse("2026-03-20T00:00:00Z");
        for (int i = 1; i <= 6; i++) {
            appeal("light-" + i, surgeStart.plus(Duration.ofMinutes(20L * i)));
        }
        // A redelivered routing event must not announce anything again.
        send(lifecycle("light-6", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "utilities", CATEGORY,
                surgeStart.plus(Duration.ofDays(15)), surgeStart.plus(Duration.ofMinutes(121))));

        List<ConsumerRecord<String, String>> announcements = await().atMost(Duration.ofSeconds(30))
                .until(this::lightingIncidents, records -> !records.isEmpty());
        JsonNode incident = JSON.readTree(announcements.getFirst().value());
        assertThat(EventSchemas.violations(EventTypes.INCIDENT_DETECTED, incident)).isEmpty();
        assertThat(header(announcements.getFirst(), CloudEventHeaders.TYPE)).isEqualTo(EventTypes.INCIDENT_DETECTED);
        assertThat(header(announcements.getFirst(), CloudEventHeaders.ID)).isEqualTo(incident.get("incidentId").asString());
        assertThat(announcements.getFirst().key()).isEqualTo(incident.get("incidentId").asString());
        assertThat(incident.get("settlement").asString()).isEqualTo("karakastek");
        assertThat(incident.get("department").asString()).isEqualTo("utilities");
        assertThat(incident.get("appealCount").asInt()).isEqualTo(5);
        assertThat(incident.get("baselineCount").asDouble()).isEqualTo(0.0);
        assertThat(incident.get("appealIds").size()).isEqualTo(5);
        assertThat(incident.get("detectedAt").asString()).isEqualTo("2026-03-20T01:40:00Z"); // the fifth appeal

        // The sixth appeal joins the incident; nothing is announced again (the replay test may re-announce the
        // same incident with the same event id, which consumers drop, so count distinct ids).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode hotspots = getJson("/api/v1/stats/hotspots");
            JsonNode lighting = null;
            for (JsonNode hotspot : hotspots) {
                if (hotspot.get("category").asString().equals(CATEGORY)) {
                    lighting = hotspot;
                }
            }
            assertThat(lighting).isNotNull();
            assertThat(lighting.get("incidentId").asString()).isEqualTo(incident.get("incidentId").asString());
            assertThat(lighting.get("appealCount").asInt()).isEqualTo(6);
            assertThat(lighting.has("appealIds")).as("the public API lists no appeal ids").isFalse();
        });
        assertThat(lightingIncidents().stream().map(record -> header(record, CloudEventHeaders.ID)).distinct()).hasSize(1);
    }

    @Test
    void givenASurgeWhoseAppealsArriveNewestFirst_whenTheOldestArrivesLast_thenTheSurgeIsStillFound() {
        // Other partitions can deliver a surge out of receipt order: here the newest appeal arrives first and
        // the oldest last. The window ending at the oldest holds only it; the last arrival must therefore also
        // look at the windows ending at the later appeals.
        Instant surgeStart = Instant.parse("2026-03-20T02:00:00Z");
        for (int i = 5; i >= 1; i--) {
            appeal("snow-" + i, "snow-removal", "Mynbaev", surgeStart.plus(Duration.ofMinutes(10L * i)));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> categories = getJson("/api/v1/stats/hotspots").findValuesAsString("category");
            assertThat(categories).containsOnlyOnce("snow-removal");
        });
        JsonNode snow = null;
        for (JsonNode hotspot : getJson("/api/v1/stats/hotspots")) {
            if (hotspot.get("category").asString().equals("snow-removal")) {
                snow = hotspot;
            }
        }
        assertThat(snow.get("settlement").asString()).isEqualTo("mynbaev");
        assertThat(snow.get("appealCount").asInt()).isEqualTo(5);
        // The newest appeal's receipt (02:50), shown to the hour only: the public API never gives an appeal's minute.
        assertThat(snow.get("detectedAt").asString()).isEqualTo("2026-03-20T02:00:00Z");
        assertThat(snow.get("lastAppealAt").asString()).isEqualTo("2026-03-20T02:00:00Z");
        assertThat(snow.get("windowStart").asString()).isEqualTo("2026-03-19T20:00:00Z");
        // Nor does a search: "since" is to the hour too, so a bound at 02:50 still finds the surge whose last appeal
        // came at 02:50, and bisecting it tells nothing finer.
        assertThat(getJson("/api/v1/stats/hotspots?since=2026-03-20T02:50:00Z").findValuesAsString("category"))
                .contains("snow-removal");
    }

    @Test
    void givenASurgeOfAppealsOfAConfidentialDepartment_whenCounted_thenNoHotspotAndNoIncidentShowsThem() {
        // Not named anti-corruption: the directory's flag protects any confidential department.
        send(TestEvents.department("integrity-office", 1, "Адалдық кеңсесі", "Офис добропорядочности", "Integrity office",
                "+7 727 700 0099", true, true, Instant.parse("2026-03-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> getJson("/api/v1/public/departments").findValuesAsString("code").contains("integrity-office"));
        Instant surgeStart = Instant.parse("2026-03-20T03:00:00Z");
        for (int i = 1; i <= 6; i++) {
            appeal("bribe-" + i, "bribery", "Samsy", "integrity-office", surgeStart.plus(Duration.ofMinutes(5L * i)));
        }

        assertThat(getJson("/api/v1/stats/hotspots").findValuesAsString("category")).doesNotContain("bribery");
        assertThat(incidentsOf("bribery")).isEmpty();
        // Counted all the same: the figures are not hidden, only the appeals one by one.
        assertThat(getJson("/api/v1/stats/summary?" + PERIOD).at("/byDepartment/integrity-office").asInt()).isEqualTo(6);
    }

    @Test
    void givenReportsForwardedOnFromAConfidentialDepartment_whenCounted_thenNoHotspotShowsThemEither() {
        send(TestEvents.department("integrity-office", 1, "Адалдық кеңсесі", "Офис добропорядочности", "Integrity office",
                "+7 727 700 0099", true, true, Instant.parse("2026-03-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> getJson("/api/v1/public/departments").findValuesAsString("code").contains("integrity-office"));
        int utilitiesBefore = getJson("/api/v1/stats/summary?" + PERIOD).at("/byDepartment/utilities").asInt(0);
        Instant surgeStart = Instant.parse("2026-03-20T04:00:00Z"); // within PERIOD
        for (int i = 1; i <= 6; i++) {
            String id = "passed-on-" + i;
            Instant receivedAt = surgeStart.plus(Duration.ofMinutes(5L * i));
            Instant deadline = receivedAt.plus(Duration.ofDays(15));
            send(submitted(id, "mobile", Language.ru, null, "Samsy", 43.18, 76.62, receivedAt, deadline));
            send(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "integrity-office", "roadworks", deadline,
                    receivedAt.plus(Duration.ofMinutes(1))));
            // The officer finds no report in it and forwards it to the department responsible.
            send(lifecycle(id, 2, LifecycleType.ROUTED, AppealStatus.ROUTED, "utilities", "roadworks", deadline,
                    receivedAt.plus(Duration.ofMinutes(2))));
        }
        await().atMost(Duration.ofSeconds(20)).until(
                () -> getJson("/api/v1/stats/summary?" + PERIOD).at("/byDepartment/utilities").asInt(0) == utilitiesBefore + 6);

        assertThat(getJson("/api/v1/stats/hotspots").findValuesAsString("category")).doesNotContain("roadworks");
        assertThat(incidentsOf("roadworks")).isEmpty();

        // The control: five more of them, sent straight to utilities within the same window, are a hotspot, of five.
        for (int i = 1; i <= 5; i++) {
            appeal("straight-" + i, "roadworks", "Samsy", "utilities", surgeStart.plus(Duration.ofMinutes(30L + i)));
        }
        List<ConsumerRecord<String, String>> announced = await().atMost(Duration.ofSeconds(30))
                .until(() -> incidentsOf("roadworks"), records -> !records.isEmpty());
        assertThat(JSON.readTree(announced.getFirst().value()).get("appealCount").asInt())
                .as("none of the six that came through the confidential department").isEqualTo(5);
    }

    @Test
    void givenAnIncidentStoredWhoseAnnouncementKafkaRefused_whenTheRetryRuns_thenItIsAnnouncedAndCountedOnce() {
        // What a refused send leaves: the incident stored, not published, and its batch gone on; the retry announces it.
        Instant detectedAt = Instant.parse("2026-03-20T05:10:00Z");
        incidents.insertOrGet(new Incident("incident-refused-once", "gas-supply", "utilities", "settlement", "samsy",
                "samsy", null, 5, 0.0, detectedAt.minus(Duration.ofHours(6)), detectedAt, detectedAt,
                List.of("gas-1", "gas-2", "gas-3", "gas-4", "gas-5"), false));
        double countedBefore = registry.counter("incidents.detected", "category", "gas-supply").count();
        try {
            assertThat(hotspots.announceUnpublished()).isEqualTo(1);
            assertThat(hotspots.announceUnpublished()).as("announced once only").isZero();
        } finally {
            // No appeal made it: the replay test compares the stored incidents with those its replay finds.
            mongo.remove(Query.query(Criteria.where("_id").is("incident-refused-once")), Incident.class);
        }

        List<ConsumerRecord<String, String>> announced = incidentsOf("gas-supply");
        assertThat(announced).singleElement().satisfies(record ->
                assertThat(header(record, CloudEventHeaders.ID)).isEqualTo("incident-refused-once"));
        assertThat(EventSchemas.violations(EventTypes.INCIDENT_DETECTED, JSON.readTree(announced.getFirst().value()))).isEmpty();
        assertThat(registry.counter("incidents.detected", "category", "gas-supply").count()).isEqualTo(countedBefore + 1);
    }

    @Test
    void givenAHotspotsQueryWithABadSince_whenAsked_thenProblemJson400() {
        var response = get("/api/v1/stats/hotspots?since=yesterday");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("since");
    }

    private void appeal(String id, Instant receivedAt) {
        appeal(id, CATEGORY, "Karakastek", receivedAt);
    }

    /** Sends one appeal and waits until analytics counted it, so appeals are processed in the order sent. */
    private void appeal(String id, String category, String settlement, Instant receivedAt) {
        appeal(id, category, settlement, "utilities", receivedAt);
    }

    private void appeal(String id, String category, String settlement, String department, Instant receivedAt) {
        // By the department's count of routed appeals: a confidential department's appeals count in no split by category.
        int before = getJson("/api/v1/stats/summary?" + PERIOD).at("/byDepartment/" + department).asInt(0);
        send(submitted(id, "mobile", Language.ru, null, settlement, 43.18, 76.62, receivedAt, receivedAt.plus(Duration.ofDays(15))));
        send(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, department, category, receivedAt.plus(Duration.ofDays(15)),
                receivedAt.plus(Duration.ofMinutes(1))));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> getJson("/api/v1/stats/summary?" + PERIOD).at("/byDepartment/" + department).asInt(0) == before + 1);
    }

    private List<ConsumerRecord<String, String>> lightingIncidents() {
        return incidentsOf(CATEGORY);
    }

    private List<ConsumerRecord<String, String>> incidentsOf(String category) {
        Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "hotspot-test-" + System.nanoTime(), false);
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.INCIDENTS_DETECTED));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(3)).forEach(record -> {
                if (JSON.readTree(record.value()).get("category").asString().equals(category)) {
                    records.add(record);
                }
            });
            return records;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
