package kz.hearingstate.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of {@value TopicList#PATH} explicitly (brokers run with {@code auto.create.topics.enable=false}),
 * with the partitions and configs listed there: the local stack's topics are production's, dead letters included.
 */
public final class TopicCatalog {

    /** The department directory of Zhambyl district: one inbox and one actions topic per code. */
    public static final List<String> DEPARTMENT_CODES = List.of(
            "housing-utilities", "roads-transport", "education", "health", "social-protection",
            "land-construction", "agriculture", "public-order", "anti-corruption", "akim-office");

    /** The topics of {@value TopicList#PATH} under {@code repositoryRoot}, with {@code replicationFactor} replicas each. */
    public static List<NewTopic> topics(Path repositoryRoot, short replicationFactor) {
        return TopicList.read(repositoryRoot).topics().stream()
                .map(topic -> new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(topic.configs()))
                .toList();
    }

    /**
     * Creates whatever is missing; topics that exist are left as they are (a restart, or a shared
     * external cluster). The replication factor is min(3, brokers in the cluster).
     *
     * @param repositoryRoot where {@value TopicList#PATH} is
     * @param adminConfig an AdminClient's settings: bootstrap servers and, on a secured broker, the super user's
     * @return the names created now
     */
    public static List<String> provision(Path repositoryRoot, Map<String, Object> adminConfig) {
        Object bootstrapServers = adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(adminConfig)) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short replicationFactor = (short) Math.max(1, Math.min(3, brokers));
            List<NewTopic> topics = topics(repositoryRoot, replicationFactor);
            var results = admin.createTopics(topics).values();
            List<String> created = new ArrayList<>();
            for (NewTopic topic : topics) {
                try {
                    results.get(topic.name()).get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackStartupException("Could not create topic " + topic.name() + " on "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartupException("Interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackStartupException("Kafka at " + bootstrapServers + " did not answer: " + e.getMessage(), e);
        }
    }

    private TopicCatalog() {
    }
}
