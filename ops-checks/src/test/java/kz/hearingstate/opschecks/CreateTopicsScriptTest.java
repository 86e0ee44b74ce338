package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * docker/kafka/create-topics.sh against a real KRaft broker without topic auto-creation. The Kafka
 * command-line tools it calls are the same classes as in the apache/kafka image, run from the test
 * classpath. A three-topic list keeps the JVM starts few; KafkaTopicListTest checks the full list.
 */
class CreateTopicsScriptTest {

    static final String SAMPLE_TOPICS = """
            # an event log, a compacted table and a dead-letter topic
            appeals.submitted                 6  retention.ms=-1
            departments.directory             3  cleanup.policy=compact
            appeals.submitted.routing.dlq     1  retention.ms=2592000000
            """;

    static EmbeddedKafkaKraftBroker broker;

    @TempDir
    static Path temp;
    static Path kafkaBin;
    static Path topicsFile;

    @BeforeAll
    static void startBrokerAndTools() throws IOException {
        ExternalTool.require("bash");
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        kafkaBin = Files.createDirectories(temp.resolve("bin"));
        ExternalTool.javaScript(kafkaBin, "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand");
        ExternalTool.javaScript(kafkaBin, "kafka-broker-api-versions.sh", "org.apache.kafka.tools.BrokerApiVersionsCommand");
        topicsFile = Files.writeString(temp.resolve("topics.txt"), SAMPLE_TOPICS);
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void givenAnEmptyBroker_whenTheScriptRunsTwice_thenTopicsExistWithTheirPartitionsAndConfigs_andTheSecondRunChangesNothing()
            throws Exception {
        ExternalTool.Result first = createTopics("1", "1");

        assertThat(first.succeeded()).as(first.output()).isTrue();
        assertThat(first.output()).contains("created  appeals.submitted (6 partitions, retention.ms=-1)")
                .contains("All 3 topics present.");
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    Set.of("appeals.submitted", "departments.directory", "appeals.submitted.routing.dlq"))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get("appeals.submitted").partitions()).hasSize(6);
            assertThat(topics.get("departments.directory").partitions()).hasSize(3);
            assertThat(topics.get("appeals.submitted.routing.dlq").partitions()).hasSize(1);

            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, "appeals.submitted"),
                    new ConfigResource(ConfigResource.Type.TOPIC, "departments.directory")))
                    .all().get(30, TimeUnit.SECONDS);
            Config eventLog = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, "appeals.submitted"));
            Config directory = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, "departments.directory"));
            assertThat(eventLog.get("retention.ms").value()).isEqualTo("-1");
            assertThat(eventLog.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(directory.get("cleanup.policy").value()).isEqualTo("compact");
        }

        ExternalTool.Result second = createTopics("1", "1");

        assertThat(second.succeeded()).as(second.output()).isTrue();
        assertThat(second.output()).contains("exists   appeals.submitted").doesNotContain("created");
    }

    @Test
    void givenReplicationFactorThreeAndOneBroker_whenTheScriptRuns_thenItGivesUpWithoutCreatingAnything() {
        ExternalTool.Result result = createTopics("3", "2", Map.of("WAIT_SECONDS", "1"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("1 broker(s) reachable at " + broker.getBrokersAsString() + ", 3 needed");
    }

    @Test
    void givenMoreInsyncReplicasThanReplicas_whenTheScriptRuns_thenItRefusesTheSettings() {
        ExternalTool.Result result = createTopics("1", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("KAFKA_MIN_INSYNC_REPLICAS (2) cannot exceed KAFKA_REPLICATION_FACTOR (1)");
    }

    @Test
    void givenATopicTheBrokerRejects_whenTheScriptRuns_thenItStopsAndShowsTheBrokersReason() throws IOException {
        Path invalid = Files.writeString(temp.resolve("invalid-topics.txt"), "appeals.invalid  3  cleanup.policy=sometimes\n");

        ExternalTool.Result result = createTopics("1", "1", Map.of("TOPICS_FILE", invalid.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("FAILED   appeals.invalid:").contains("cleanup.policy");
    }

    private static ExternalTool.Result createTopics(String replicationFactor, String minInsyncReplicas) {
        return createTopics(replicationFactor, minInsyncReplicas, Map.of());
    }

    private static ExternalTool.Result createTopics(String replicationFactor, String minInsyncReplicas,
            Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "KAFKA_REPLICATION_FACTOR", replicationFactor,
                "KAFKA_MIN_INSYNC_REPLICAS", minInsyncReplicas,
                "TOPICS_FILE", topicsFile.toString(),
                "KAFKA_BIN", kafkaBin.toString()));
        environment.putAll(extra);
        return ExternalTool.run(environment, List.of("bash", "docker/kafka/create-topics.sh"));
    }
}
