package kz.hearingstate.routing.workflow;

import java.util.List;
import java.util.Set;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent Kafka client (kcat, as a department system would run it) reading one department's topic
 * sees the appeals assigned to that department and no others.
 */
class KcatIntegrationTest extends RoutingIntegrationTest {

    @Test
    void givenAppealsForSeveralDepartments_whenKcatReadsTheEducationInbox_thenItSeesOnlyEducationAppeals() {
        AppealSubmitted school = Appeals.submitted("Мектепте оқулықтар жетіспейді, мұғалім жоқ.", Language.kk, CLOCK.instant());
        AppealSubmitted kindergarten = Appeals.submitted("My child has waited two years for a kindergarten place.", Language.en, CLOCK.instant());
        AppealSubmitted water = Appeals.submitted("Нет воды, прорвало трубу водопровода.", Language.ru, CLOCK.instant());
        AppealSubmitted road = Appeals.submitted("Jolda ulken shunqyrlar bar, kolikter buzylyp jatyr.", Language.kk, CLOCK.instant());
        for (AppealSubmitted appeal : List.of(school, kindergarten, water, road)) {
            submit(appeal);
        }
        for (AppealSubmitted appeal : List.of(school, kindergarten, water, road)) {
            awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        }

        List<JsonNode> records = kcat("departments.education.inbox");

        List<String> keys = records.stream().map(r -> r.get("key").asString()).toList();
        assertThat(keys).contains(school.appealId(), kindergarten.appealId()).doesNotContain(water.appealId(), road.appealId());
        for (JsonNode record : records) {
            JsonNode payload = json.readTree(record.get("payload").asString());
            assertThat(payload.get("appealId").asString()).isEqualTo(record.get("key").asString());
            if (!payload.has("replyId")) { // the inbox carries the citizen's replies too (another test's), without a department
                assertThat(payload.get("department").asString()).isEqualTo("education");
            }
        }
        Set<String> otherDepartments = Set.copyOf(kcat("departments.housing-utilities.inbox").stream().map(r -> r.get("key").asString()).toList());
        assertThat(otherDepartments).contains(water.appealId()).doesNotContain(school.appealId(), kindergarten.appealId());
    }
}
