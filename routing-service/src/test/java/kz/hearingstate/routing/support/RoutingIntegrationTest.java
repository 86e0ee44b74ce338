package kz.hearingstate.routing.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Topics;
import kz.hearingstate.routing.RoutingApplication;
import kz.hearingstate.testing.CloudEventProducer;
import kz.hearingstate.testing.Kcat;
import kz.hearingstate.testing.MongoWireServer;
import kz.hearingstate.testing.MutableClock;
import kz.hearingstate.testing.TopicRecorder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every integration test shares: the whole service against a real KRaft broker
 * and the MongoDB-wire server, with a clock the tests move. Subclasses add no configuration, so Spring
 * starts the context once. Each test uses its own appeal ids.
 */
@SpringBootTest(classes = {RoutingApplication.class, RoutingIntegrationTest.SharedClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
                "hearing.routing.timers.interval=200ms",
                "hearing.routing.timers.republish-after=1s",
                "hearing.messaging.retry.max-attempts=2",
                "hearing.messaging.retry.initial-interval=100ms",
                "hearing.messaging.retry.dead-letter-send-timeout=2s",
                // The tests that read the log read every line the service writes about an appeal.
                "logging.level.kz.hearingstate=DEBUG"})
@EmbeddedKafka(partitions = 3) // KRaft: spring-kafka 4 runs only KRaft brokers
@ActiveProfiles("local") // the demo keys, and the workbench's demo accounts (profile group local)
public abstract class RoutingIntegrationTest {

    /** Tuesday 1 December 2026, 10:00 in Almaty: inside working hours. */
    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T05:00:00Z"));
    public static final String ADMIN_KEY = "admin-demo-key";

    protected static final MongoWireServer MONGO = new MongoWireServer();
    private static TopicRecorder recorder;
    private static CloudEventProducer producer;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The log at DEBUG in every test, whichever context started last: a Spring context sets the log levels of its own
     * properties when it starts, so a slice test's context started after this class's cached one leaves INFO behind.
     */
    @BeforeEach
    void logEveryLineAboutAnAppeal() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("kz.hearingstate", LogLevel.DEBUG);
    }

    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected JsonMapper json;
    @Value("${local.server.port}")
    protected int port;

    @TestConfiguration(proxyBeanMethods = false)
    public static class SharedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("routing"));
    }

    protected static String departmentKey(String code) {
        return code + "-demo-key";
    }

    protected synchronized TopicRecorder recorder() {
        if (recorder == null) {
            recorder = new TopicRecorder(broker.getBrokersAsString(),
                    Pattern.compile("appeals\\.lifecycle|departments\\.directory|departments\\..+\\.inbox"));
        }
        return recorder;
    }

    /** Publishes an event as its producer would: JSON body, CloudEvents headers, keyed by {@code key}. */
    protected void publish(String topic, String key, String eventId, String eventType, Object payload) {
        publishRaw(topic, key, eventId, eventType, json.writeValueAsBytes(payload));
    }

    /** Publishes any bytes with CloudEvents headers, as a broken or hostile producer might. */
    protected void publishRaw(String topic, String key, String eventId, String eventType, byte[] body) {
        publishAtOnce(List.of(record(topic, key, eventId, eventType, body)));
    }

    /** A record with CloudEvents headers around any bytes. */
    protected ProducerRecord<String, byte[]> record(String topic, String key, String eventId, String eventType, byte[] body) {
        return CloudEventProducer.record(topic, null, key, eventId, eventType, body);
    }

    /** Sends the records without waiting between them, so that consumers get them in as few polls as possible. */
    protected void publishAtOnce(List<ProducerRecord<String, byte[]>> records) {
        producer().sendAll(records);
    }

    protected ProducerRecord<String, byte[]> submitted(AppealSubmitted appeal) {
        return record(Topics.APPEALS_SUBMITTED, appeal.appealId(), "submitted:" + appeal.appealId(), EventTypes.APPEAL_SUBMITTED,
                json.writeValueAsBytes(appeal));
    }

    protected void submit(AppealSubmitted appeal) {
        publishAtOnce(List.of(submitted(appeal)));
    }

    /** Waits until routing has published the appeal's inbox message (or, for rejections, its lifecycle event). */
    protected List<TopicRecorder.Recorded> awaitEvents(String appealId, String type, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> recorder().ofType(appealId, type).size() >= count);
        return recorder().ofType(appealId, type);
    }

    private synchronized CloudEventProducer producer() {
        if (producer == null) {
            producer = new CloudEventProducer(broker.getBrokersAsString());
        }
        return producer;
    }

    /** Every record on {@code topic} so far, as kcat's JSON envelopes (key, payload, headers), read by kcat. */
    protected List<JsonNode> kcat(String topic) {
        return Kcat.consume(Kcat.brokers(broker.getBrokersAsString()), topic, "-J").lines().stream()
                .map(json::readTree).toList();
    }

    protected JsonNode body(TopicRecorder.Recorded record) {
        return json.readTree(record.body());
    }

    protected HttpResponse<String> get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    protected HttpResponse<String> post(String path, String apiKey, Object body) {
        return withBody("POST", path, apiKey, body);
    }

    protected HttpResponse<String> put(String path, String apiKey, Object body) {
        return withBody("PUT", path, apiKey, body);
    }

    protected HttpResponse<String> delete(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).DELETE();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    private HttpResponse<String> withBody(String method, String path, String apiKey, Object body) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(text))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
