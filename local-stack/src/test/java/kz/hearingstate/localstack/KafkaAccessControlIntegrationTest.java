package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.Topics;
import kz.hearingstate.testing.Kcat;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Every Kafka boundary, tried as an attacker would against the local stack's real broker (SASL/SCRAM,
 * StandardAuthorizer, the ACLs of docker/kafka/acls.txt): who gets in, who reads which inbox, who writes
 * which topic. Each refusal is the broker's, not the client's.
 */
class KafkaAccessControlIntegrationTest {

    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(20);
    private static Path data;
    private static KafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        data = Files.createTempDirectory("kafka-acl-test");
        broker = KafkaBroker.start(StackSettings.onFreePorts(Path.of(".."), data, Path.of("target/kafka-libs")));
        TopicCatalog.provision(Path.of(".."), broker.clientConfig(KafkaCredentials.ADMIN));
        // Something to read in the inboxes: routing writes them.
        for (String code : List.of("education", "anti-corruption", "housing-utilities")) {
            send("routing", Topics.departmentInbox(code), "appeal-for-" + code, "appeal.assigned.v1");
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void givenNoCredentials_whenAClientConnects_thenTheBrokerRefusesIt() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
        try (Admin admin = Admin.create(anonymous)) {
            // A PLAINTEXT client on a SASL listener is disconnected before its first request: it never gets an answer.
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
        }
    }

    @Test
    void givenAWrongPassword_whenADepartmentConnects_thenAuthenticationFails() {
        Map<String, Object> wrong = new HashMap<>(broker.clientConfig("education"));
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"education\" password=\"guess\";");
        assertThatThrownBy(() -> send(wrong, Topics.departmentActions("education"), "k", "department.action.v1"))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void givenADepartment_whenItReadsItsOwnInboxInItsOwnGroup_thenItGetsItsAppeals() {
        List<ConsumerRecord<String, String>> records = read("education", Topics.departmentInbox("education"), "education-desk");
        assertThat(records).extracting(ConsumerRecord::key).contains("appeal-for-education");
    }

    @Test
    void givenHousingUtilities_whenItReadsEducationsInbox_thenItGetsAnAuthorisationError() {
        assertThatThrownBy(() -> read("housing-utilities", Topics.departmentInbox("education"), "housing-utilities"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void givenAnyOtherPrincipal_whenItReadsTheAntiCorruptionInbox_thenOnlyTheAntiCorruptionPrincipalSucceeds() {
        List<String> others = broker.credentials().principals().stream()
                .filter(principal -> !principal.equals("anti-corruption") && !principal.equals(KafkaCredentials.ADMIN)).toList();
        assertThat(others).contains("routing", "intake", "notification", "analytics", "akim-office", "health", "backup",
                "dead-letters").hasSize(15);
        for (String principal : others) {
            assertThatThrownBy(() -> read(principal, Topics.departmentInbox("anti-corruption"), principal)).as(principal)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(read("anti-corruption", Topics.departmentInbox("anti-corruption"), "anti-corruption"))
                .extracting(ConsumerRecord::key).contains("appeal-for-anti-corruption");
    }

    @Test
    void givenADepartment_whenItReadsAnAppealTopicOrADeadLetter_thenItIsRefused() {
        for (String department : List.of("education", "akim-office")) {
            for (String topic : List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE, Topics.APPEALS_FEEDBACK,
                    Topics.DEPARTMENTS_DIRECTORY, Topics.NOTIFICATIONS_OUTCOMES, Topics.departmentActions(department),
                    "appeals.submitted.routing.dlq")) {
                assertThatThrownBy(() -> read(department, topic, department)).as(department + " reading " + topic)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void givenAService_whenItReadsADeadLetterTopic_thenItIsRefused() {
        // Dead letters hold whole appeals; only the admin reads them (docs/security.md).
        for (String service : List.of("intake", "routing", "notification", "analytics")) {
            for (String topic : List.of("appeals.submitted." + service + ".dlq", "appeals.submitted.routing.dlq")) {
                assertThatThrownBy(() -> read(service, topic, service)).as(service + " reading " + topic)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void givenTheOpsPrincipals_whenTheyReadAndWrite_thenEachReachesOnlyItsRunbooksTopics() throws Exception {
        send("routing", Topics.APPEALS_LIFECYCLE, "appeal-for-backup", "appeal.routed.v1");
        assertThat(readAssigned("backup", Topics.APPEALS_LIFECYCLE)).extracting(ConsumerRecord::key).contains("appeal-for-backup");
        assertThat(readAssigned("dead-letters", "appeals.submitted.routing.dlq")).isEmpty(); // allowed, nothing dead yet

        for (String topic : List.of(Topics.departmentInbox("anti-corruption"), Topics.departmentActions("education"),
                "appeals.submitted.routing.dlq")) {
            assertThatThrownBy(() -> readAssigned("backup", topic)).as("backup reading " + topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        for (String topic : List.of(Topics.APPEALS_SUBMITTED, Topics.departmentInbox("anti-corruption"))) {
            assertThatThrownBy(() -> readAssigned("dead-letters", topic)).as("dead-letters reading " + topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        for (String principal : List.of("backup", "dead-letters")) {
            // Refused before any topic: a principal that may write nothing gets no producer id for idempotence.
            assertThatThrownBy(() -> send(principal, Topics.APPEALS_SUBMITTED, "a", "appeal.submitted.v1")).as(principal)
                    .hasCauseInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> read(principal, Topics.APPEALS_LIFECYCLE, "routing")).as(principal + " in routing's group")
                    .isInstanceOfAny(GroupAuthorizationException.class, TopicAuthorizationException.class);
        }
    }

    @Test
    void givenADepartment_whenItUsesAnotherDepartmentsConsumerGroup_thenTheGroupIsRefused() {
        assertThatThrownBy(() -> read("education", Topics.departmentInbox("education"), "health"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void givenAnalytics_whenItReadsAnyInbox_thenItIsRefused() {
        assertThatThrownBy(() -> read("analytics", Topics.departmentInbox("housing-utilities"), "analytics"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void givenADepartment_whenItWritesAnythingButItsOwnActionsTopic_thenTheBrokerRefuses() throws Exception {
        send("education", Topics.departmentActions("education"), "appeal-1", "department.action.v1");
        for (String topic : List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE, Topics.APPEALS_FEEDBACK,
                Topics.departmentActions("anti-corruption"), Topics.departmentInbox("education"), Topics.DEPARTMENTS_DIRECTORY,
                Topics.NOTIFICATIONS_OUTCOMES, Topics.INCIDENTS_DETECTED)) {
            assertThatThrownBy(() -> send("education", topic, "appeal-1", "appeal.answered.v1")).as(topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void givenAForgedAnswerOnTheLifecycleTopic_whenAnyoneButRoutingSendsIt_thenItIsRefused() throws Exception {
        for (String principal : List.of("housing-utilities", "intake", "notification", "analytics")) {
            assertThatThrownBy(() -> send(principal, Topics.APPEALS_LIFECYCLE, "appeal-1", "appeal.answered.v1")).as(principal)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        send("routing", Topics.APPEALS_LIFECYCLE, "appeal-1", "appeal.answered.v1");
    }

    @Test
    void givenTheServices_whenEachWritesAnotherServicesTopic_thenOnlyTheOwnerSucceeds() throws Exception {
        assertThatThrownBy(() -> send("routing", Topics.APPEALS_SUBMITTED, "a", "appeal.submitted.v1"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send("notification", Topics.departmentInbox("education"), "a", "appeal.assigned.v1"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send("analytics", Topics.NOTIFICATIONS_OUTCOMES, "a", "notification.outcome.v1"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        send("intake", Topics.APPEALS_SUBMITTED, "a", "appeal.submitted.v1");
        send("notification", Topics.NOTIFICATIONS_OUTCOMES, "a", "notification.outcome.v1");
        send("analytics", Topics.INCIDENTS_DETECTED, "a", "incident.detected.v1");
    }

    @Test
    @EnabledIf("kcatInstalled")
    void givenTheClientFiles_whenKcatReadsAnInbox_thenTheOwnDepartmentSucceedsAndAnotherIsRefused() throws Exception {
        KafkaCredentials credentials = broker.credentials();
        assertThat(Files.readString(credentials.kcatFile("education"))).contains("sasl.mechanisms=PLAIN",
                "sasl.username=education", "security.protocol=SASL_PLAINTEXT").doesNotContain("jaas");
        assertThat(Files.readString(credentials.javaFile("education"))).contains("sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=");

        Kcat own = Kcat.consume(Kcat.clientFile(credentials.kcatFile("education")), Topics.departmentInbox("education"),
                "-f", "%k\\n");
        assertThat(own.exitCode()).as(own.output()).isZero();
        assertThat(own.output()).contains("appeal-for-education");
        Kcat foreign = Kcat.consume(Kcat.clientFile(credentials.kcatFile("housing-utilities")),
                Topics.departmentInbox("education"), "-f", "%k\\n");
        assertThat(foreign.output()).doesNotContain("appeal-for-education").containsIgnoringCase("authoriz");
    }

    static boolean kcatInstalled() {
        return Kcat.isInstalled();
    }

    private static void send(String principal, String topic, String key, String type) throws Exception {
        send(broker.clientConfig(principal), topic, key, type);
    }

    private static void send(Map<String, Object> client, String topic, String key, String type) throws Exception {
        Properties properties = KafkaBrokerIntegrationTest.producerProperties(client);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, "{\"forged\":true}");
            record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(REFUSAL_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads {@code topic} from its beginning as {@code principal}, in no consumer group (as kcat -C does), for 2 s. */
    private static List<ConsumerRecord<String, String>> readAssigned(String principal, String topic) {
        Properties properties = new Properties();
        properties.putAll(broker.clientConfig(principal));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Subscribes as {@code principal} in {@code group} and polls until records come or the broker refuses. */
    private static List<ConsumerRecord<String, String>> read(String principal, String topic, String group) {
        Properties properties = new Properties();
        properties.putAll(broker.clientConfig(principal));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + REFUSAL_WAIT.toNanos();
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
