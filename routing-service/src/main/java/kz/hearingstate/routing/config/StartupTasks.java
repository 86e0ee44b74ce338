package kz.hearingstate.routing.config;

import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.routing.directory.DirectoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the Kafka consumers start: seed the department directory from its file and create
 * missing inbox and dead-letter topics (the stores' indexes are created by appeal-storage's IndexCreator at
 * the same point). Once the application runs: publish the directory (deterministic event ids, so other
 * services see at most duplicates).
 */
@Component
public class StartupTasks implements SmartInitializingSingleton, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

    private final DirectoryService directory;
    private final TopicProvisioning topics;

    public StartupTasks(DirectoryService directory, TopicProvisioning topics) {
        this.directory = directory;
        this.topics = topics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        directory.seedFromFile();
        topics.createMissing();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            directory.publishAll();
        } catch (EventPublisher.EventNotAcknowledgedException e) {
            log.warn("Could not publish the department directory at start-up; the next start publishes it again", e);
        }
    }
}
