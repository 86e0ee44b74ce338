package kz.hearingstate.routing.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.Language;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.OverrideRule;
import kz.hearingstate.routing.classification.OverrideRuleStore;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import kz.hearingstate.storage.RecentReads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What routing classifies a batch by: the active departments and the enabled override rules, read once per
 * {@link RecentReads#FRESH_FOR}. A change made through this instance routes the next batch at once; one made
 * through another instance of routing (sharing the database), once this instance's read is no longer fresh.
 */
class RoutingReadsIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private DirectoryService directory;
    @Autowired
    private DepartmentStore departments;
    @Autowired
    private OverrideRuleStore rules;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private EventPublisher publisher;
    @Autowired
    private RoutingProperties properties;
    @Autowired
    private JsonMapper mapper;

    @Test
    void givenTheDepartmentsRead_whenThisInstanceCreatesChangesAndDeletesOne_thenTheNextBatchSeesEachChangeAtOnce() {
        String code = "parks-" + System.nanoTime();
        assertThat(codes(directory.routable())).doesNotContain(code);

        directory.create(request(code, "parks"), "admin");
        assertThat(codes(directory.routable())).contains(code);

        directory.update(code, request(code, "gardens"), "admin");
        assertThat(directory.routable()).filteredOn(d -> d.code().equals(code))
                .singleElement().satisfies(d -> assertThat(d.categories()).containsExactly("gardens"));

        directory.delete(code, "admin");
        assertThat(codes(directory.routable())).doesNotContain(code);
    }

    @Test
    void givenTheDepartmentsRead_whenAnotherInstanceCreatesOne_thenThisInstanceSeesItOnceItsReadIsNoLongerFresh() {
        String code = "museums-" + System.nanoTime();
        DirectoryService elsewhere = new DirectoryService(departments, publisher, CLOCK, properties, mapper);
        assertThat(codes(directory.routable())).doesNotContain(code);
        try {
            elsewhere.create(request(code, "museums"), "admin");

            assertThat(codes(directory.routable())).doesNotContain(code);
            CLOCK.advance(RecentReads.FRESH_FOR);
            assertThat(codes(directory.routable())).contains(code);
        } finally {
            directory.delete(code, "admin");
        }
    }

    @Test
    void givenTheRulesRead_whenThisInstanceSavesDisablesAndDeletesARule_thenTheNextBatchSeesEachChangeAtOnce() {
        String id = "rule-" + System.nanoTime();
        assertThat(ids(rules.enabled())).doesNotContain(id);

        rules.save(rule(id, true));
        assertThat(ids(rules.enabled())).contains(id);

        rules.save(rule(id, false));
        assertThat(ids(rules.enabled())).doesNotContain(id);

        rules.save(rule(id, true));
        assertThat(ids(rules.enabled())).contains(id);
        rules.delete(id);
        assertThat(ids(rules.enabled())).doesNotContain(id);
    }

    @Test
    void givenTheRulesRead_whenAnotherInstanceSavesARule_thenThisInstanceSeesItOnceItsReadIsNoLongerFresh() {
        String id = "rule-" + System.nanoTime();
        OverrideRuleStore elsewhere = new OverrideRuleStore(mongo, CLOCK);
        assertThat(ids(rules.enabled())).doesNotContain(id);
        try {
            elsewhere.save(rule(id, true));

            assertThat(ids(rules.enabled())).doesNotContain(id);
            CLOCK.advance(RecentReads.FRESH_FOR);
            assertThat(ids(rules.enabled())).contains(id);
        } finally {
            rules.delete(id);
        }
    }

    private static DepartmentRequest request(String code, String category) {
        return new DepartmentRequest(code, Map.of(Language.kk, "Бөлім", Language.ru, "Отдел", Language.en, "Department"),
                "+7 72770 2-00-00 (example)", code + "@akimat.test", "с. Узынагаш (example)", null, List.of(category),
                List.of(), false, false);
    }

    /** A pattern no appeal of the other tests contains, for a department that exists. */
    private static OverrideRule rule(String id, boolean enabled) {
        return new OverrideRule(id, "zzz-never-" + id, "health", "test rule", 100, enabled, "admin",
                Instant.parse("2026-12-01T05:00:00Z"));
    }

    private static List<String> codes(List<Department> departments) {
        return departments.stream().map(Department::code).toList();
    }

    private static List<String> ids(List<OverrideRule> rules) {
        return rules.stream().map(OverrideRule::id).toList();
    }
}
