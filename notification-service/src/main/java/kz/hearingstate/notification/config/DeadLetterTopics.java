package kz.hearingstate.notification.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates this service's dead-letter topics ({@code <topic>.notification.dlq}) if they are missing: brokers
 * do not auto-create topics, and the binder provisions only the topics it reads and writes. Until a
 * dead-letter topic exists a poison record is simply retried, never committed, so a broker that is not
 * reachable at start-up only delays this.
 */
@Component
class DeadLetterTopics {

    static final String GROUP = "notification";
    static final List<String> SOURCES = List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE,
            Topics.DEPARTMENTS_DIRECTORY);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final String brokers;
    private final int partitions;
    private final short replicationFactor;

    // The binder's own properties bean lives in the binder's child context, so read the same settings here.
    DeadLetterTopics(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.kafka.binder.min-partition-count:1}") int partitions,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicationFactor) {
        this.brokers = brokers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    @PostConstruct
    void createMissing() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = SOURCES.stream().map(source -> Topics.deadLetter(source, GROUP))
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, replicationFactor))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created dead-letter topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn("Could not provision dead-letter topics now ({}); poison records wait uncommitted until they exist",
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
