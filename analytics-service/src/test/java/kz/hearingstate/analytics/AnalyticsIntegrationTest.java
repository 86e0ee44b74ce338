package kz.hearingstate.analytics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.facts.AppealFactProjector;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.analytics.hotspots.HotspotDetector;
import kz.hearingstate.analytics.hotspots.Incidents;
import kz.hearingstate.analytics.ingest.AnalyticsIngest;
import kz.hearingstate.analytics.metrics.BusinessMetrics;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.storage.IndexCreator;
import kz.hearingstate.testing.MongoWireServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of the integration tests: the whole service on a random port, a real Kafka broker
 * (KRaft) and the MongoDB-wire server, with the clock fixed at {@link #NOW}. Every subclass keeps this
 * configuration unchanged so the context is started once. Each test class uses its own appeals and its
 * own period, so they do not disturb one another's figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "hearing.analytics.metrics-refresh=1h",
        "hearing.analytics.hotspots.announce-retry=1h", // HotspotDetectionIntegrationTest runs the retry itself
        "hearing.messaging.retry.max-attempts=2",
        "hearing.messaging.retry.initial-interval=50ms"})
@EmbeddedKafka(partitions = 3, topics = {Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE,
        Topics.APPEALS_FEEDBACK, Topics.NOTIFICATIONS_OUTCOMES, Topics.DEPARTMENTS_DIRECTORY, Topics.INCIDENTS_DETECTED})
@Import(AnalyticsIntegrationTest.FixedClock.class)
public abstract class AnalyticsIntegrationTest {

    /** Friday 20 March 2026, 11:00 in Almaty. */
    public static final Instant NOW = Instant.parse("2026-03-20T06:00:00Z");

    static final MongoWireServer MONGO = new MongoWireServer();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("analytics"));
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected EmbeddedKafkaBroker broker;

    /**
     * Routing publishes the directory when it starts, so a running analytics has read it: an appeal counts in a hotspot
     * only once its department is read, and not confidential. These tests route to anti-corruption (confidential) and
     * to a test department, "utilities".
     */
    @BeforeEach
    void theDirectoryIsRead() {
        List<String> known = getJson("/api/v1/public/departments").findValuesAsString("code");
        if (known.containsAll(List.of("anti-corruption", "utilities"))) {
            return;
        }
        String[] antiCorruption = Arrays.stream(PublicPageBrowserTest.DIRECTORY)
                .filter(d -> d[0].equals("anti-corruption")).findFirst().orElseThrow();
        send(TestEvents.department(antiCorruption[0], 1, antiCorruption[1], antiCorruption[2], antiCorruption[3],
                antiCorruption[4], Boolean.parseBoolean(antiCorruption[5]), Boolean.parseBoolean(antiCorruption[6]), NOW));
        send(TestEvents.department("utilities", 1, "Коммуналдық қызметтер", "Коммунальные службы", "Utilities",
                "+7 727 700 0002", true, false, NOW));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> getJson("/api/v1/public/departments")
                .findValuesAsString("code").containsAll(List.of("anti-corruption", "utilities")));
    }

    /** A second analytics over its own database, fed by calling its ingest (a rebuild from offset 0, say). */
    protected record FreshInstance(AppealFacts facts,
            Incidents incidents,
            DepartmentDirectory directory,
            AnalyticsIngest ingest,
            SimpleMeterRegistry meters) {
    }

    protected FreshInstance freshInstance(MongoTemplate database,
            EventReader reader, AnalyticsProperties properties) {
        var facts = new AppealFacts(database);
        var incidents = new Incidents(database);
        var directory = new DepartmentDirectory(database);
        new IndexCreator(database, List.of(facts, incidents, directory)).afterSingletonsInstantiated();
        var meters = new SimpleMeterRegistry();
        var ingest = new AnalyticsIngest(reader,
                new AppealFactProjector(facts, properties.geoCellDegrees()),
                new HotspotDetector(facts, incidents, properties.hotspots().rule(), publisher,
                        event -> { }, directory::countableCodes),
                directory, new BusinessMetrics(meters));
        return new FreshInstance(facts, incidents, directory, ingest, meters);
    }

    protected void send(AppealSubmitted event) {
        publisher.publish(Topics.APPEALS_SUBMITTED, event.appealId(), "submitted:" + event.appealId(),
                EventTypes.APPEAL_SUBMITTED, event);
    }

    protected void send(AppealLifecycleEvent event) {
        publisher.publish(Topics.APPEALS_LIFECYCLE, event.appealId(), event.appealId() + ":" + event.sequence(),
                event.type().eventType(), event);
    }

    protected void send(AppealFeedback event) {
        publisher.publish(Topics.APPEALS_FEEDBACK, event.appealId(), event.feedbackId(), EventTypes.APPEAL_FEEDBACK, event);
    }

    protected void send(NotificationOutcome event) {
        publisher.publish(Topics.NOTIFICATIONS_OUTCOMES, event.appealId(), event.notificationId(),
                EventTypes.NOTIFICATION_OUTCOME, event);
    }

    protected void send(DepartmentChanged event) {
        publisher.publish(Topics.DEPARTMENTS_DIRECTORY, event.code(), event.code() + ":" + event.version(),
                EventTypes.DEPARTMENT_CHANGED, event.code(), event);
    }

    protected void send(SettlementsChanged event) {
        publisher.publish(Topics.DEPARTMENTS_DIRECTORY, SettlementsChanged.KEY, "settlements:v" + event.version(),
                EventTypes.SETTLEMENTS_CHANGED, SettlementsChanged.KEY, event);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected HttpResponse<String> get(String pathAndQuery) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
