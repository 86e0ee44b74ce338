package kz.hearingstate.analytics;

import kz.hearingstate.analytics.directory.DepartmentEntry;
import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.hotspots.Incident;
import kz.hearingstate.testing.MongoIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/** Every index analytics' queries need exists once the service runs, and no other. */
class MongoIndexesIntegrationTest extends AnalyticsIntegrationTest {

    @Autowired
    MongoOperations mongo;

    @Test
    void givenTheServiceStarted_whenItsCollectionsAreListed_thenEachHasTheIndexesItsQueriesNeed() {
        assertThat(MongoIndexes.of(mongo, AppealFact.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "receivedAt: receivedAt ASC",
                "routedAt: routedAt ASC",
                "answeredAt: answeredAt ASC",
                "forwardedAt: forwardedAt ASC",
                "rejectedAt: rejectedAt ASC",
                "department_receivedAt: department ASC, receivedAt ASC",
                "category_settlement_receivedAt: category ASC, settlement ASC, receivedAt ASC",
                "category_geoCell_receivedAt: category ASC, geoCell ASC, receivedAt ASC",
                "status: status ASC",
                "closedAt: closedAt ASC");
        assertThat(MongoIndexes.of(mongo, Incident.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "category_scope_lastAppealAt: category ASC, scope ASC, scopeValue ASC, lastAppealAt ASC",
                "lastAppealAt: lastAppealAt DESC", "published: published ASC");
        assertThat(MongoIndexes.of(mongo, DepartmentEntry.class)).containsExactlyInAnyOrder(
                "_id_: _id ASC",
                "deleted: deleted ASC",
                "confidential: confidential ASC");
    }
}
