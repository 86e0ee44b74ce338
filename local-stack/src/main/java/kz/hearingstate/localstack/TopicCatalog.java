package kz.hearingstate.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Every topic the platform uses, with its partition count, created explicitly (brokers run with
 * {@code auto.create.topics.enable=false}). Dead-letter topics are provisioned by each service's binder.
 */
public final class TopicCatalog {

    /** The department directory of Zhambyl district: one inbox and one actions topic per code. */
    public static final List<String> DEPARTMENT_CODES = List.of(
            "housing-utilities", "roads-transport", "education", "health", "social-protection",
            "land-construction", "agriculture", "public-order", "anti-corruption", "akim-office");

    /** Appeal topics are keyed by appealId: six partitions let each consumer group scale to six. */
    static final int APPEAL_TOPIC_PARTITIONS = 6;
    static final int INBOX_PARTITIONS = 3;

    /** The topics with {@code replicationFactor} replicas each. */
    public static List<NewTopic> topics(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (String appealTopic : List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE,
                Topics.APPEALS_FEEDBACK)) {
            topics.add(new NewTopic(appealTopic, APPEAL_TOPIC_PARTITIONS, replicationFactor));
        }
        for (String code : DEPARTMENT_CODES) {
            topics.add(new NewTopic(Topics.departmentInbox(code), INBOX_PARTITIONS, replicationFactor));
            topics.add(new NewTopic(Topics.departmentActions(code), INBOX_PARTITIONS, replicationFactor));
        }
        // The directory is a table keyed by department code: only the latest version of each matters.
        topics.add(new NewTopic(Topics.DEPARTMENTS_DIRECTORY, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(new NewTopic(Topics.INCIDENTS_DETECTED, 3, replicationFactor));
        topics.add(new NewTopic(Topics.NOTIFICATIONS_OUTCOMES, APPEAL_TOPIC_PARTITIONS, replicationFactor));
        return List.copyOf(topics);
    }

    /**
     * Creates whatever is missing; topics that exist are left as they are (a restart, or a shared
     * external cluster). The replication factor is min(3, brokers in the cluster).
     *
     * @param adminConfig an AdminClient's settings: bootstrap servers and, on a secured broker, the super user's
     * @return the names created now
     */
    public static List<String> provision(Map<String, Object> adminConfig) {
        Object bootstrapServers = adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(adminConfig)) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short replicationFactor = (short) Math.max(1, Math.min(3, brokers));
            List<NewTopic> topics = topics(replicationFactor);
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
