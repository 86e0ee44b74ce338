package kz.hearingstate.notification.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import kz.hearingstate.events.Topics;
import kz.hearingstate.notification.NotificationApplication;
import kz.hearingstate.testing.CloudEventProducer;
import kz.hearingstate.testing.MongoWireServer;
import kz.hearingstate.testing.TopicRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context the integration tests share: the whole service against a real KRaft broker, the
 * MongoDB-wire server, a real SMTP server (GreenMail) and a real local HTTP server standing in for the SMS
 * gateway and the channels' webhooks. Test classes extend this without adding configuration, so Spring
 * starts the context once. Each test uses its own appeal ids and recipients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "hearing.notification.public-base-url=https://appeals.test",
        // The tests that read the log read every line the service writes about an appeal.
        "logging.level.kz.hearingstate=DEBUG",
        "hearing.web.security.keys.operator.operator=" + IntegrationTestSupport.OPERATOR_KEY_SHA256,
        // Only the start-up search: what is recorded and retried here must go out without searching the store.
        "hearing.notification.delivery.poll-interval=1h",
        "hearing.notification.delivery.max-attempts=3",
        "hearing.notification.delivery.initial-backoff=100ms",
        "hearing.notification.delivery.multiplier=2",
        "hearing.notification.delivery.max-backoff=1s",
        "hearing.notification.sms.token=" + IntegrationTestSupport.SMS_TOKEN,
        "hearing.notification.webhook.channels." + IntegrationTestSupport.WEBHOOK_CHANNEL + ".secret="
                + IntegrationTestSupport.WEBHOOK_SECRET,
        "hearing.notification.departments.roads.email=roads@akimat.test",
        "hearing.notification.departments.roads.names.kk=Жол бөлімі",
        "hearing.notification.departments.roads.names.ru=Отдел дорог",
        "hearing.notification.departments.roads.names.en=Roads Department",
        "hearing.notification.departments.water.phone=" + IntegrationTestSupport.WATER_PHONE,
        "hearing.notification.departments.akim-office.email=akim-office@akimat.test",
        "hearing.messaging.retry.max-attempts=2",
        "hearing.messaging.retry.initial-interval=100ms",
        "hearing.messaging.retry.dead-letter-send-timeout=2s"})
@EmbeddedKafka(partitions = 3)
public abstract class IntegrationTestSupport {

    public static final String OPERATOR_KEY = "operator-key-for-tests";
    static final String OPERATOR_KEY_SHA256 = "de413284fee222ff4399cb0dd21e4d2c74ae894fcfc7b69d3c7d32c760646f2f";
    /** The local profile's demo operator key, for instances started with {@link #startInstance}. */
    public static final String LOCAL_OPERATOR_KEY = "local-operator-key";
    public static final String SMS_TOKEN = "sms-token-for-tests";
    public static final String WEBHOOK_CHANNEL = "egov-app";
    public static final String WEBHOOK_SECRET = "whsec-for-tests";
    public static final String WEBHOOK_PATH = "/webhooks/egov-app";
    public static final String SMS_PATH = "/sms/send";
    public static final String WATER_PHONE = "+77010000002";

    protected static final MongoWireServer MONGO = new MongoWireServer();
    protected static final GreenMail MAIL = startMailServer();
    protected static final LocalHttpReceiver HTTP = new LocalHttpReceiver();
    private static TopicRecorder recorder;
    private static CloudEventProducer producer;

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

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("notification"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("hearing.notification.sms.url", () -> HTTP.url(SMS_PATH));
        registry.add("hearing.notification.webhook.channels." + WEBHOOK_CHANNEL + ".url", () -> HTTP.url(WEBHOOK_PATH));
    }

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    /** Publishes an event as its producer would: JSON body, CloudEvents headers, keyed by appealId. */
    protected RecordMetadata publish(String topic, String key, String eventId, String eventType, Object payload) {
        return producer().publish(topic, key, eventId, eventType, json.writeValueAsBytes(payload));
    }

    /** Sends any bytes under CloudEvents headers, to an exact partition if given. */
    protected RecordMetadata send(String topic, Integer partition, String key, String eventId, String eventType, byte[] body) {
        return producer().send(CloudEventProducer.record(topic, partition, key, eventId, eventType, body));
    }

    protected synchronized TopicRecorder topics() {
        if (recorder == null) {
            createTopicIfMissing(Topics.NOTIFICATIONS_OUTCOMES);
            recorder = new TopicRecorder(broker.getBrokersAsString(), List.of(Topics.NOTIFICATIONS_OUTCOMES,
                    Topics.deadLetter(Topics.APPEALS_LIFECYCLE, "notification"),
                    Topics.deadLetter(Topics.DEPARTMENTS_DIRECTORY, "notification")));
        }
        return recorder;
    }

    /** The next offset group {@code notification} will read on the partition, -1 if none committed. */
    protected long committedOffset(TopicPartition partition) {
        return committedOffset("notification", partition);
    }

    protected long committedOffset(String group, TopicPartition partition) {
        try (Admin admin = admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the service consumed the record and committed past it. */
    protected void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> committedOffset(partition) > record.offset());
    }

    protected Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    private void createTopicIfMissing(String topic) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized CloudEventProducer producer() {
        if (producer == null) {
            producer = new CloudEventProducer(broker.getBrokersAsString());
        }
        return producer;
    }

    /**
     * Another instance of the service on the same broker, with its own consumer group and database, so the
     * shared test context does not interfere. Command-line arguments outrank application.yml, as a
     * deployment's would. A new group reads the topics from the start, earlier tests' records included.
     */
    protected ConfigurableApplicationContext startInstance(String group, String database, String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of(
                "--server.port=0", kz.hearingstate.testing.SecondInstance.WITHOUT_CONSUMER_LAG_GAUGE,
                "--spring.profiles.active=local",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--spring.cloud.stream.bindings.notifyOnSubmission-in-0.group=" + group,
                "--spring.cloud.stream.bindings.notifyOnLifecycleChange-in-0.group=" + group,
                "--spring.cloud.stream.bindings.trackDepartmentDirectory-in-0.group=" + group,
                "--spring.mongodb.uri=" + MONGO.uri(database),
                "--spring.mongodb.database=" + database,
                "--hearing.notification.delivery.poll-interval=100ms"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(NotificationApplication.class).run(all.toArray(String[]::new));
    }

    /** E-mails GreenMail received for {@code address}. */
    protected static List<MimeMessage> mailsTo(String address) {
        return mailsTo(MAIL, address);
    }

    /** E-mails an SMTP server of a test's own received for {@code address}. */
    protected static List<MimeMessage> mailsTo(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
