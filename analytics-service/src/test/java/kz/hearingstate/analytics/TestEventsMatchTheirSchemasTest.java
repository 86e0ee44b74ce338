package kz.hearingstate.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.messaging.EventSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/** The events the tests send are what the real producers send: each satisfies its schema. */
class TestEventsMatchTheirSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-03-02T04:00:00Z");

    @Test
    void givenTheTestAppeals_whenCheckedAgainstTheirSchemas_thenNoViolations() {
        assertValid(EventTypes.APPEAL_SUBMITTED, TestEvents.submitted("a1", "web", Language.kk, "roads", "Uzynagash",
                43.2, 76.9, AT, AT.plusSeconds(864000)));
        assertValid(EventTypes.APPEAL_SUBMITTED, TestEvents.submitted("a2", "web", Language.kk, null, null, null, null,
                AT, AT.plusSeconds(864000)));
        assertValid(EventTypes.APPEAL_FEEDBACK, TestEvents.feedback("f1", "a1", 5, true, AT));
        assertValid(EventTypes.NOTIFICATION_OUTCOME, TestEvents.outcome("n1", "a1", NotificationOutcome.DELIVERED, AT));
        assertValid(EventTypes.DEPARTMENT_CHANGED, TestEvents.department("roads", 1, "Жол", "Дороги", "Roads", "+77270000000", false, AT));
    }

    @ParameterizedTest
    @EnumSource(LifecycleType.class)
    void givenEveryLifecycleKind_whenCheckedAgainstItsSchema_thenNoViolations(LifecycleType type) {
        assertValid(type.eventType(), TestEvents.lifecycle("a1", 2, type, AppealStatus.IN_PROGRESS, "roads", "roads",
                AT.plusSeconds(864000), AT));
    }

    private static void assertValid(String type, Object event) {
        assertThat(EventSchemas.violations(type, JSON.valueToTree(event))).as(type).isEmpty();
    }
}
