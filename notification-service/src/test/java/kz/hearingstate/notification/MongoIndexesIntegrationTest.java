package kz.hearingstate.notification;

import kz.hearingstate.notification.delivery.Notification;
import kz.hearingstate.notification.planning.ParkedLifecycleEvent;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import kz.hearingstate.testing.MongoIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every index notification's queries need exists once the service runs, and no other. The contact
 * collections are read by {@code _id} only.
 */
class MongoIndexesIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MongoOperations mongo;

    @Test
    void givenTheServiceStarted_whenItsCollectionsAreListed_thenEachHasTheIndexesItsQueriesNeed() {
        assertThat(MongoIndexes.of(mongo, Notification.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "status_dueAt: status ASC, dueAt ASC",
                "appealId_createdAt: appealId ASC, createdAt ASC",
                "outcomePublished_status: outcomePublished ASC, status ASC");
        assertThat(MongoIndexes.of(mongo, ParkedLifecycleEvent.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "appealId: appealId ASC");
    }
}
