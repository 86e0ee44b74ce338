package kz.hearingstate.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.testing.CloudEventProducer;
import kz.hearingstate.testing.MongoWireServer;
import kz.hearingstate.testing.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Spring context of intake's integration tests, shared by every subclass: the application on a
 * random port against a real Kafka broker (embedded, KRaft) and the in-process MongoDB-wire server.
 * Extra channels: {@code test-bot} (key {@code test-bot-key}, a bucket of 3 with a very slow refill) and
 * {@code rotating} with two active keys. The {@code local} profile adds the demo channels ({@code demo-portal-key},
 * {@code demo-hotline-key}).
 * Client addresses come from {@code X-Forwarded-For} (Tomcat trusts it from the loopback), so each test speaks
 * for its own citizens' addresses, and the per-address bucket of the secret links is small (5, slow refill).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "hearing.web.security.keys.channel.test-bot=" + IntakeIntegrationTest.TEST_BOT_KEY_SHA256,
        "hearing.intake.channels.test-bot.rate-limit.capacity=3",
        "hearing.intake.channels.test-bot.rate-limit.refill-per-second=0.01",
        "hearing.web.security.keys.channel.rotating=" + IntakeIntegrationTest.OLD_KEY_SHA256 + ","
                + IntakeIntegrationTest.NEW_KEY_SHA256,
        "hearing.intake.channels.demo-portal.rate-limit.capacity=100000",
        "hearing.intake.channels.demo-portal.rate-limit.refill-per-second=100000",
        "hearing.web.security.keys.channel.open311-gateway=" + IntakeIntegrationTest.OPEN311_KEY_SHA256,
        "hearing.intake.portal.submit-rate-limit.capacity=1000",
        "hearing.intake.citizen-access-key=" + IntakeIntegrationTest.CITIZEN_ACCESS_KEY,
        "hearing.intake.lookup-rate-limit.capacity=5",
        "hearing.intake.lookup-rate-limit.refill-per-second=0.01",
        "server.forward-headers-strategy=native",
        // ConcurrentRetryIntegrationTest sends 100 at once; AdmissionIntegrationTest fills exactly these places.
        "hearing.intake.admission.max-in-flight=" + IntakeIntegrationTest.ADMISSION_PLACES,
        // A queue for Tomcat's threads here is 100 test requests at once on a busy machine, not overload
        // (ArrivalBudgetIntegrationTest has a context of its own with a short budget).
        "hearing.intake.admission.arrival-budget=60s",
        "hearing.messaging.retry.max-attempts=2",
        "hearing.messaging.retry.initial-interval=50ms"})
@EmbeddedKafka(partitions = 1)
@ActiveProfiles("local") // the demo channels demo-portal and hotline
public abstract class IntakeIntegrationTest {

    public static final String DEMO_KEY = "demo-portal-key";
    public static final String HOTLINE_KEY = "demo-hotline-key";
    public static final String TEST_BOT_KEY = "test-bot-key";
    static final String TEST_BOT_KEY_SHA256 = "dd5ed36caff0616fe2f2a06c0bb19152d07c5be12b5ae7aad0d9de51245cc2bb";
    public static final String OLD_KEY = "rotating-old-key";
    static final String OLD_KEY_SHA256 = "4abdaebb9e5c5f7a01d85ad614da67cdd63feecbb4db28e27b196915192546bf";
    public static final String NEW_KEY = "rotating-new-key";
    static final String NEW_KEY_SHA256 = "1a92ade114c63e408ecd5fefc060c9ae5a81402674e9a92c7f619752716a3575";
    public static final String OPEN311_KEY = "open311-gateway-key";
    static final String OPEN311_KEY_SHA256 = "110972015c84b3cff5d2213437a010310f505dddbc459bd3497dc926b8ae7cbb";

    public static final String CITIZEN_ACCESS_KEY = "test-only-citizen-access-key-0123456789abcdef";
    public static final String CLIENT_ADDRESS = "X-Forwarded-For";
    protected static final int ADMISSION_PLACES = 128;

    /** The deadline routing's lifecycle events carry in these tests. */
    protected static final Instant LIFECYCLE_DEADLINE = Instant.parse("2027-01-20T13:00:00Z");

    private static final MongoWireServer MONGO = new MongoWireServer();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("intake"));
    }

    @AfterAll
    static void keepMongoForTheSharedContext() {
        // The server lives as long as the JVM: the cached context of the other test classes still uses it.
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> postJson(String path, String apiKey, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A fresh address of the benchmarking range (198.18.0.0/15): a citizen of its own, with a full lookup bucket. */
    protected static String someCitizenAddress() {
        int random = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16);
        return "198.18." + (random >>> 8) + "." + (random & 0xff);
    }

    protected HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** A valid appeal body, with the given text. */
    public static String validAppeal(String text) {
        return """
                {"type":"COMPLAINT","text":"%s","categoryHint":"water-supply",
                 "citizen":{"fullName":"Айгерим Сапарова","iin":"900101400003","phone":"+77011234567","preferredContact":"SMS"},
                 "location":{"district":"Жамбылский район","settlement":"Узынагаш","lat":43.22,"lon":76.82},
                 "consentToDataProcessing":true}""".formatted(text);
    }

    /** 503 {@code overloaded} as problem+json, with Retry-After: the admission gate's refusal. */
    protected void assertOverloaded(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body(refused).get("type").asString()).endsWith("/overloaded");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    }

    /** No appeal saying {@code text} was published to {@code appeals.submitted}. */
    protected void assertNotPublished(String text) {
        assertThat(records(Topics.APPEALS_SUBMITTED)).noneSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(text));
    }

    /** Every record now on {@code topic}, read by an independent consumer from the beginning. */
    protected List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The sum of the end offsets of {@code topics}: grows by one with every record written. */
    protected long endOffsets(String... topics) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            long sum = 0;
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                sum += consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            }
            return sum;
        }
    }

    protected List<ConsumerRecord<String, byte[]>> submittedRecordsOf(String appealId) {
        return records(Topics.APPEALS_SUBMITTED).stream().filter(r -> appealId.equals(r.key())).toList();
    }

    protected KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    protected static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicRecorder.header(record, name);
    }
    /** A CloudEvent as another service would publish it, sent by an independent producer. */
    protected void send(String topic, String key, String id, String type, Object payload) {
        try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
            producer.publish(topic, key, id, type, json.writeValueAsBytes(payload));
        }
    }

    /** What routing would publish, sent by an independent producer. */
    protected void publishLifecycle(String appealId, String trackingCode, long sequence, LifecycleType type,
            AppealStatus status, String reason, String answer) {
        publishLifecycle(appealId, trackingCode, sequence, type, status, "housing-utilities", null, reason, answer);
    }

    protected void publishLifecycle(String appealId, String trackingCode, long sequence, LifecycleType type,
            AppealStatus status, String department, String previousDepartment, String reason, String answer) {
        publishLifecycle(appealId, trackingCode, sequence, type, status, department, previousDepartment,
                actorOf(type, department), reason, answer);
    }

    protected void publishLifecycle(String appealId, String trackingCode, long sequence, LifecycleType type,
            AppealStatus status, String department, String previousDepartment, String actor, String reason, String answer) {
        AppealLifecycleEvent event = new AppealLifecycleEvent(appealId, trackingCode, sequence, type,
                status, department, previousDepartment, "water-supply", 0.9, actor, reason, answer, null,
                LIFECYCLE_DEADLINE, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
            producer.publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":" + sequence, type.eventType(),
                    json.writeValueAsBytes(event));
        }
    }

    /**
     * Who makes each change in routing: the classifier routes (and the clock warns, breaches and escalates), the
     * citizen's rating reopens, the department does the rest.
     */
    protected static String actorOf(LifecycleType type, String department) {
        return switch (type) {
            case ROUTED, SLA_WARNING, SLA_BREACHED, ESCALATED -> "system";
            case REOPENED -> "citizen";
            default -> department;
        };
    }

    /** An appeal as accepted: its ids and the citizen's secret link. */
    public record Submitted(String appealId, String trackingCode, String statusUrl) {
    }

    protected Submitted submitAs(String apiKey, String text) {
        HttpResponse<String> response = postJson("/api/v1/appeals", apiKey, validAppeal(text));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Submission answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode receipt = body(response);
        return new Submitted(receipt.get("appealId").asString(), receipt.get("trackingCode").asString(),
                receipt.path("statusUrl").asString(null));
    }
}
