package kz.hearingstate.routing.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.hearingstate.events.Topics;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates every department's inbox when missing, so a department system can subscribe before its first
 * appeal. Brokers run without auto-creation. A broker that is unreachable at start-up only delays this:
 * the binder still provisions an inbox on its first send. (Dead-letter topics are appeal-messaging's job.)
 */
@Component
public class TopicProvisioning {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    private final String brokers;
    private final int partitions;
    private final short replicationFactor;
    private final DirectoryService directory;

    // The binder's own properties live in its child context, so read the same settings here.
    public TopicProvisioning(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.kafka.binder.min-partition-count:1}") int partitions,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicationFactor,
            DirectoryService directory) {
        this.brokers = brokers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.directory = directory;
    }

    public void createMissing() {
        List<String> wanted = directory.active().stream().map(Department::code).map(Topics::departmentInbox).toList();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, replicationFactor)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.warn("Could not provision topics now ({}); inboxes appear on first use", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
