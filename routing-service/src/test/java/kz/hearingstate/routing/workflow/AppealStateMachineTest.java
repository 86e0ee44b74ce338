package kz.hearingstate.routing.workflow;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.routing.workflow.AppealStateMachine.InvalidTransitionException;
import kz.hearingstate.routing.workflow.AppealStateMachine.Trigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static kz.hearingstate.events.AppealStatus.ANSWERED;
import static kz.hearingstate.events.AppealStatus.FORWARDED;
import static kz.hearingstate.events.AppealStatus.INFO_REQUESTED;
import static kz.hearingstate.events.AppealStatus.IN_PROGRESS;
import static kz.hearingstate.events.AppealStatus.REJECTED;
import static kz.hearingstate.events.AppealStatus.ROUTED;
import static kz.hearingstate.events.AppealStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every status × every trigger: the allowed moves land where the table says, all others are refused. */
class AppealStateMachineTest {

    private static final Map<AppealStatus, Map<Trigger, AppealStatus>> EXPECTED = Map.of(
            ROUTED, Map.of(Trigger.ACCEPT, IN_PROGRESS, Trigger.REQUEST_INFO, INFO_REQUESTED, Trigger.ANSWER, ANSWERED,
                    Trigger.FORWARD_TO_DEPARTMENT, ROUTED, Trigger.FORWARD_OUTSIDE, FORWARDED, Trigger.EXTEND, ROUTED,
                    Trigger.REJECT, REJECTED, Trigger.ROUTE, ROUTED, Trigger.CITIZENS_WORDS, ROUTED),
            IN_PROGRESS, Map.of(Trigger.REQUEST_INFO, INFO_REQUESTED, Trigger.ANSWER, ANSWERED,
                    Trigger.FORWARD_TO_DEPARTMENT, ROUTED, Trigger.FORWARD_OUTSIDE, FORWARDED, Trigger.EXTEND, IN_PROGRESS,
                    Trigger.REJECT, REJECTED, Trigger.ROUTE, ROUTED, Trigger.CITIZENS_WORDS, ROUTED),
            INFO_REQUESTED, Map.of(Trigger.CITIZEN_REPLIED, IN_PROGRESS, Trigger.ANSWER, ANSWERED, Trigger.REJECT, REJECTED,
                    Trigger.ROUTE, ROUTED, Trigger.CITIZENS_WORDS, ROUTED),
            // Closed to every department's action; the citizen's words that may report corruption reopen it at
            // anti-corruption, where nobody else would ever read them.
            ANSWERED, Map.of(Trigger.NOT_SOLVED, ROUTED, Trigger.CITIZENS_WORDS, ROUTED),
            FORWARDED, Map.of(Trigger.CITIZENS_WORDS, ROUTED),
            REJECTED, Map.of(Trigger.CITIZENS_WORDS, ROUTED),
            SUBMITTED, Map.of());

    static Stream<Arguments> everyStatusAndTrigger() {
        return EnumSet.allOf(AppealStatus.class).stream()
                .flatMap(status -> EnumSet.allOf(Trigger.class).stream().map(trigger -> Arguments.of(status, trigger)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndTrigger")
    void givenAStatus_whenATriggerArrives_thenItMovesAsTheTableSaysOrIsRefused(AppealStatus from, Trigger trigger) {
        AppealStatus expected = EXPECTED.get(from).get(trigger);
        if (expected != null) {
            assertThat(AppealStateMachine.next(from, trigger)).isEqualTo(expected);
            assertThat(AppealStateMachine.allows(from, trigger)).isTrue();
        } else {
            assertThat(AppealStateMachine.allows(from, trigger)).isFalse();
            assertThatThrownBy(() -> AppealStateMachine.next(from, trigger))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining(trigger.name()).hasMessageContaining(from.name());
        }
    }

    @ParameterizedTest(name = "{0} is final")
    @MethodSource("closedStatuses")
    void givenAClosedAppeal_whenAnyDepartmentActionArrives_thenItIsRefused(AppealStatus closed) {
        Set<Trigger> departmentActions = EnumSet.complementOf(EnumSet.of(Trigger.CITIZEN_REPLIED, Trigger.NOT_SOLVED,
                Trigger.CITIZENS_WORDS));
        assertThat(departmentActions).noneMatch(trigger -> AppealStateMachine.allows(closed, trigger));
    }

    static Stream<AppealStatus> closedStatuses() {
        return Stream.of(ANSWERED, FORWARDED, REJECTED);
    }
}
