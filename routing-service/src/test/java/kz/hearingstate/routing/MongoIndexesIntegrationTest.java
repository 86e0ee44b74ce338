package kz.hearingstate.routing;

import kz.hearingstate.routing.classification.OverrideRule;
import kz.hearingstate.routing.classification.RoutingCorrection;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import kz.hearingstate.routing.workbench.ConfidentialViewStore;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.testing.MongoIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every index routing's queries need exists once the service runs, and no other. The unnamed ones carry
 * MongoDB's default names; renaming one would make MongoDB refuse the same keys under a new name.
 */
class MongoIndexesIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    MongoOperations mongo;

    @Test
    void givenTheServiceStarted_whenItsCollectionsAreListed_thenEachHasTheIndexesItsQueriesNeed() {
        assertThat(MongoIndexes.of(mongo, RoutedAppeal.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "nextTimerAt_1: nextTimerAt ASC",
                "outboxSince_1: outboxSince ASC",
                "department_1_status_1_registeredAt_1: department ASC, status ASC, registeredAt ASC",
                "department_1_registeredAt_1: department ASC, registeredAt ASC",
                "department_1_status_1_deadline_1: department ASC, status ASC, deadline ASC",
                "department_1_submitted.trackingCode_1: department ASC, submitted.trackingCode ASC",
                "slaState_1_status_1_deadline_1: slaState ASC, status ASC, deadline ASC");
        assertThat(MongoIndexes.of(mongo, Department.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "deleted_1__id_1: deleted ASC, _id ASC");
        assertThat(MongoIndexes.of(mongo, OverrideRule.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "enabled_1_priority_1: enabled ASC, priority ASC");
        assertThat(MongoIndexes.of(mongo, RoutingCorrection.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "correctedAt_1: correctedAt ASC", "appealId_1: appealId ASC");
        assertThat(MongoIndexes.of(mongo, ConfidentialViewStore.View.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "appealId_1_viewedAt_1: appealId ASC, viewedAt ASC");
    }
}
