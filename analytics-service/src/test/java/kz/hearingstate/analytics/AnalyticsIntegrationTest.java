package kz.hearingstate.analytics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.testing.MongoWireServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
