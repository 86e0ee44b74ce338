package kz.hearingstate.analytics.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates {@code <topic>.analytics.dlq} for each topic analytics reads, when missing: brokers do not
 * auto-create topics, and the binder provisions only what it reads and writes. Until a dead-letter topic
 * exists a poison record stays uncommitted and is retried, so a broker that is down at start-up only
 * delays this. (notification-service does the same; a candidate for appeal-messaging.)
 */
@Component
class DeadLetterTopics implements ApplicationRunner {

    static final String GROUP = "analytics";
    static final List<String> SOURCES = List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE,
            Topics.APPEALS_FEEDBACK, Topics.NOTIFICATIONS_OUTCOMES, Topics.DEPARTMENTS_DIRECTORY);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final KafkaBinderConfigurationProperties binder;

    DeadLetterTopics(KafkaBinderConfigurationProperties binder) {
        this.binder = binder;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, binder.getKafkaConnectionString());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = SOURCES.stream().map(source -> Topics.deadLetter(source, GROUP))
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, binder.getMinPartitionCount(), binder.getReplicationFactor()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created dead-letter topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn("Could not provision dead-letter topics now ({}); poison records wait uncommitted until they exist",
                    e.getCause() == null ? e.toString() : e + ", " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
