package kz.hearingstate.routing.config;

import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.routing.classification.CorrectionStore;
import kz.hearingstate.routing.classification.OverrideRuleStore;
import kz.hearingstate.routing.directory.DepartmentStore;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.workflow.AppealStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the Kafka consumers start: create every index the queries need and seed the
 * department directory from its file; create missing inbox and dead-letter topics. Once the application runs: publish the directory (deterministic
 * event ids, so other services see at most duplicates).
 */
@Component
public class StartupTasks implements SmartInitializingSingleton, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

    private final AppealStore appeals;
    private final DepartmentStore departments;
    private final OverrideRuleStore rules;
    private final CorrectionStore corrections;
    private final DirectoryService directory;
    private final TopicProvisioning topics;

    public StartupTasks(AppealStore appeals, DepartmentStore departments, OverrideRuleStore rules,
            CorrectionStore corrections, DirectoryService directory, TopicProvisioning topics) {
        this.appeals = appeals;
        this.departments = departments;
        this.rules = rules;
        this.corrections = corrections;
        this.directory = directory;
        this.topics = topics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        appeals.createIndexes();
        departments.createIndexes();
        rules.createIndexes();
        corrections.createIndexes();
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
