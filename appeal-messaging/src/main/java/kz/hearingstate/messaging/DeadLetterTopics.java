package kz.hearingstate.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a consumer group's dead-letter topic ({@code <topic>.<group>.dlq}) when its binding starts.
 * Brokers do not auto-create topics, and the binder provisions only the topics a binding reads and writes.
 * A broker that cannot be reached now only delays this: until the topic exists a poison record is retried,
 * never committed.
 */
class DeadLetterTopics {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final Map<String, Object> adminConfig;
    private final int partitions;
    private final Optional<Short> replicationFactor;

    DeadLetterTopics(Map<String, Object> adminConfig, int partitions, short replicationFactor) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.partitions = Math.max(1, partitions);
        // The binder's -1 means "the broker's default".
        this.replicationFactor = replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty();
    }

    void ensure(String topic) {
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), replicationFactor)))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created dead-letter topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not create dead-letter topic {} now ({}); poison records wait uncommitted until it exists",
                        topic, e.getCause().toString());
            }
        } catch (TimeoutException | KafkaException e) {
            log.warn("Could not create dead-letter topic {} now ({}); poison records wait uncommitted until it exists",
                    topic, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
