package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's {@code --kafka-cluster} shape: three KRaft nodes on loopback, every topic of the list on all
 * three (min.insync.replicas 2), the same users and ACLs as the single broker, and writes acknowledged by the two
 * nodes left when one is killed.
 */
class KafkaClusterIntegrationTest {

    /** Generous: on a machine shared with other builds a fresh cluster can take seconds to elect every leader. */
    private static final int DELIVERY_TIMEOUT_MS = 60_000;

    @TempDir
    Path data;

    @Test
    void givenThreeNodes_whenOneIsKilledWithSigkill_thenEveryTopicHasThreeReplicasAndAcksAllWritesGoOnWithoutIt()
            throws Exception {
        StackSettings settings = StackSettings.onFreePorts(Path.of(".."), data, Path.of("target/kafka-libs"))
                .withShapeOnFreePorts(true, List.of());

        try (KafkaBroker cluster = KafkaBroker.start(settings)) {
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            Map<String, Object> admin = cluster.clientConfig(KafkaCredentials.ADMIN);
            TopicCatalog.provision(settings.repositoryRoot(), admin);
            TopicDescription submitted = describe(admin, Topics.APPEALS_SUBMITTED);
            assertThat(submitted.partitions()).hasSize(6)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            assertThat(topicConfig(admin, Topics.APPEALS_SUBMITTED, "min.insync.replicas")).isEqualTo("2");
            try (KafkaProducer<String, String> education = producer(cluster.clientConfig("education"))) {
                assertThatThrownBy(() -> send(education, "departments.health.inbox"))
                        .as("the ACLs hold on the cluster as on one broker")
                        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            }

            try (KafkaProducer<String, String> intake = producer(cluster.clientConfig("intake"))) {
                send(intake, Topics.APPEALS_SUBMITTED); // connected to every node, as a running service is
                int controller = activeController(admin);
                // A node that leads partitions but is not the active controller: its loss is a broker's failover alone.
                int victim = submitted.partitions().stream().mapToInt(p -> p.leader().id()).filter(id -> id != controller)
                        .findFirst().orElseThrow();
                ManagedProcess killed = cluster.node(victim);
                ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();
                killed.awaitExit(Duration.ofSeconds(30));
                long began = System.nanoTime();
                for (int i = 0; i < 12; i++) {
                    send(intake, Topics.APPEALS_SUBMITTED); // acks=all: two of the three nodes have each one
                }
                // How long the failover takes is the fault suite's to judge, on the whole stack (FaultStack's cluster).
                System.out.println("12 acks=all writes across the partitions after node " + victim + " was killed: "
                        + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");

                assertThat(describe(admin, Topics.APPEALS_SUBMITTED).partitions()).extracting(TopicPartitionInfo::leader)
                        .allSatisfy(leader -> assertThat(leader.id()).isNotEqualTo(victim));
                cluster.restartNode(victim);
            }
        }
    }

    /** The services' producer settings that matter here: acks=all and idempotent (retries without duplicates). */
    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        var properties = KafkaBrokerIntegrationTest.producerProperties(client);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        return new KafkaProducer<>(properties);
    }

    private static void send(KafkaProducer<String, String> producer, String topic) throws Exception {
        producer.send(new ProducerRecord<>(topic, java.util.UUID.randomUUID().toString(), "{}"))
                .get(DELIVERY_TIMEOUT_MS + 5000, TimeUnit.MILLISECONDS);
    }

    private static int activeController(Map<String, Object> adminConfig) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        }
    }

    private static TopicDescription describe(Map<String, Object> adminConfig, String topic) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            return askedAgainWhileUnknown(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic));
        }
    }

    /**
     * A topic the controller has just created reaches each broker's metadata a moment later, and the node asked may not
     * host it yet: that answer is asked again, for up to 30 seconds.
     */
    private static <T> T askedAgainWhileUnknown(Callable<T> question) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return question.call();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static String topicConfig(Map<String, Object> adminConfig, String topic, String name) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return askedAgainWhileUnknown(() -> admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS))
                    .get(resource).get(name).value();
        }
    }
}
