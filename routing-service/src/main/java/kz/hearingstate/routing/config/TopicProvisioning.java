package kz.hearingstate.routing.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.KafkaClients;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
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

    private final KafkaBinderConfigurationProperties binder;
    private final DirectoryService directory;

    // appeal-messaging binds the binder's settings (brokers, credentials) in the application context too.
    public TopicProvisioning(KafkaBinderConfigurationProperties binder, DirectoryService directory) {
        this.binder = binder;
        this.directory = directory;
    }

    public void createMissing() {
        List<String> wanted = directory.active().stream().map(Department::code).map(Topics::departmentInbox).toList();
        int partitions = Math.max(1, binder.getMinPartitionCount());
        short replicationFactor = binder.getReplicationFactor();
        try (Admin admin = Admin.create(KafkaClients.adminConfig(binder, TIMEOUT))) {
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
