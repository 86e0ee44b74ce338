package kz.hearingstate.intake;

import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.testing.MongoIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/** Every index intake's queries need exists once the service runs, and no other. */
class MongoIndexesIntegrationTest extends IntakeIntegrationTest {

    @Autowired
    MongoOperations mongo;

    @Test
    void givenTheServiceStarted_whenItsCollectionsAreListed_thenEachHasTheIndexesItsQueriesNeed() {
        assertThat(MongoIndexes.of(mongo, AppealStatusView.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "trackingCode: trackingCode ASC",
                "accessHash: accessHash ASC",
                "receivedAt: receivedAt DESC",
                "category_receivedAt: category ASC, receivedAt DESC",
                "closed_receivedAt: closed ASC, receivedAt DESC");
    }
}
