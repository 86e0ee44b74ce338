package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.Directory;
import kz.hearingstate.routing.workflow.AppealStore;
import kz.hearingstate.routing.workflow.AppealWorkflow;
import kz.hearingstate.routing.workflow.Command;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.routing.workflow.WorkflowService;
import kz.hearingstate.web.security.ApiPrincipal;
import org.junit.jupiter.api.Test;

/**
 * The legal clock as the workbench shows it: an appeal waiting for the citizen's information is paused, never
 * overdue, even past the deadline stored before the pause (the deadline moves on when the citizen answers), and it
 * is not counted among the overdue (escalated) appeals.
 */
class WorkbenchClockTest {

    private static final Instant ROUTED_AT = Instant.parse("2026-11-02T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z"); // past both appeals' 15 working days

    private final AppealStore store = mock(AppealStore.class);
    private final DirectoryService directory = mock(DirectoryService.class);
    private final Workbench workbench = new Workbench(store, mock(WorkflowService.class), directory, LegalClock.kazakhstan(),
            Clock.fixed(NOW, ZoneOffset.UTC), null, mock(ConfidentialViewStore.class), Directory.SETTLEMENTS);
    private final AppealWorkflow workflow = new AppealWorkflow(LegalClock.kazakhstan(),
            new RoutingProperties.Deadlines(15, Map.of(), 2, 3), code -> false);
    private final StaffUser specialist = new StaffUser("aigerim", StaffRole.SPECIALIST, "education");

    WorkbenchClockTest() {
        when(directory.confidentialCodes()).thenReturn(Set.of("anti-corruption"));
        when(directory.reader(any())).thenCallRealMethod(); // the one rule, over the stubbed flag
        when(directory.isConfidential(anyString())).thenAnswer(call -> "anti-corruption".equals(call.getArgument(0)));
        when(directory.find(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void givenTwoAppealsPastTheirDeadline_whenOneWaitsForTheCitizen_thenItIsPausedAndOnlyTheOtherIsOverdue() {
        RoutedAppeal waiting = routedToEducation("Мектепте жылу жоқ");
        workflow.apply(waiting, new Command("info-1", waiting.appealId(), ActionType.REQUEST_INFO,
                ApiPrincipal.department("education"), "Which school?", null, null, null, null), ROUTED_AT.plusSeconds(3600));
        RoutedAppeal late = routedToEducation("The school bus does not come");
        assertThat(waiting.status()).isEqualTo(AppealStatus.INFO_REQUESTED);
        assertThat(waiting.deadline()).isBefore(NOW);
        assertThat(late.deadline()).isBefore(NOW);
        when(store.worklist(eq("education"), any(), anyInt())).thenReturn(List.of(waiting, late));

        List<AppealRow> rows = workbench.inbox(specialist, new Workbench.Filter(null, null, null, null, false));

        assertThat(rows).extracting(AppealRow::trackingCode, AppealRow::urgency).containsExactly(
                org.assertj.core.groups.Tuple.tuple(waiting.submitted().trackingCode(), Urgency.PAUSED),
                org.assertj.core.groups.Tuple.tuple(late.submitted().trackingCode(), Urgency.OVERDUE));
        assertThat(rows.get(0).workingDaysOverdue()).isZero();
    }

    @Test
    void givenAppealsWithTheSettlementSpelledTwoWays_whenTheInboxIsFilteredByItsListedName_thenBothAreListed() {
        RoutedAppeal cyrillic = workflow.route(Appeals.submitted("settlement-1", "Мектепте жылу жоқ", Language.kk, false, null, "Ұзынағаш",
                ROUTED_AT), new RoutingDecision("education", "education", null, 0.9, false, false, Reason.classifier(0.9)), ROUTED_AT);
        RoutedAppeal latin = workflow.route(Appeals.submitted("settlement-2", "Mektepte jylu joq", Language.kk, false, null, "Uzunagach",
                ROUTED_AT), new RoutingDecision("education", "education", null, 0.9, false, false, Reason.classifier(0.9)), ROUTED_AT);
        RoutedAppeal elsewhere = workflow.route(Appeals.submitted("settlement-3", "Мектепте жылу жоқ", Language.kk, false, null, "Самсы",
                ROUTED_AT), new RoutingDecision("education", "education", null, 0.9, false, false, Reason.classifier(0.9)), ROUTED_AT);
        when(store.worklist(eq("education"), any(), anyInt())).thenReturn(List.of(cyrillic, latin, elsewhere));

        List<AppealRow> rows = workbench.inbox(specialist, new Workbench.Filter(null, null, "Узынагаш", null, false));

        assertThat(rows).extracting(AppealRow::appealId).containsExactly("settlement-1", "settlement-2");
    }

    @Test
    void givenTheHeadsFigures_whenOverdueAppealsAreCounted_thenOnlyThoseWhoseClockRunsCount() {
        StaffUser head = new StaffUser("head", StaffRole.HEAD, "education");
        when(store.worklist(eq("education"), any(), anyInt())).thenReturn(List.of());

        workbench.figures(head);

        verify(store).countOfDepartment(eq("education"), argThat(statuses -> statuses.contains(AppealStatus.ROUTED)
                && statuses.contains(AppealStatus.IN_PROGRESS) && !statuses.contains(AppealStatus.INFO_REQUESTED)), eq(NOW));
        verify(store).countOfDepartment(eq("education"), eq(EnumSet.of(AppealStatus.INFO_REQUESTED)), isNull());
    }

    @Test
    void givenAppealsWhoseClocksWarnAtTwoAndAtThreeWorkingDaysLeft_thenEachIsDueSoonFromItsWarning() {
        RoutedAppeal atTwo = routedToEducation("Мектепте жылу жоқ");
        RoutedAppeal atThree = new AppealWorkflow(LegalClock.kazakhstan(), new RoutingProperties.Deadlines(15, Map.of(), 3, 3),
                code -> false).route(Appeals.submitted("Мектеп автобусы келмейді", Language.kk, ROUTED_AT),
                new RoutingDecision("education", "education", null, 0.9, false, false, Reason.classifier(0.9)), ROUTED_AT);
        assertThat(atThree.deadline()).isEqualTo(atTwo.deadline());
        assertThat(atThree.warningAt()).isBefore(atTwo.warningAt());
        when(store.worklist(eq("education"), any(), anyInt())).thenReturn(List.of(atTwo, atThree));

        assertThat(urgencies(atThree.warningAt().minusSeconds(1))).containsExactly(Urgency.ON_TIME, Urgency.ON_TIME);
        assertThat(urgencies(atThree.warningAt())).containsExactly(Urgency.ON_TIME, Urgency.DUE_SOON);
        assertThat(urgencies(atTwo.warningAt().minusSeconds(1))).containsExactly(Urgency.ON_TIME, Urgency.DUE_SOON);
        assertThat(urgencies(atTwo.warningAt())).containsExactly(Urgency.DUE_SOON, Urgency.DUE_SOON);
    }

    /** The inbox's urgencies at that instant, in the worklist's order. */
    private List<Urgency> urgencies(Instant now) {
        Workbench at = new Workbench(store, mock(WorkflowService.class), directory, LegalClock.kazakhstan(),
                Clock.fixed(now, ZoneOffset.UTC), null, mock(ConfidentialViewStore.class), Directory.SETTLEMENTS);
        return at.inbox(specialist, new Workbench.Filter(null, null, null, null, false)).stream().map(AppealRow::urgency).toList();
    }

    private RoutedAppeal routedToEducation(String text) {
        return workflow.route(Appeals.submitted(text, Language.kk, ROUTED_AT),
                new RoutingDecision("education", "education", null, 0.9, false, false, Reason.classifier(0.9)), ROUTED_AT);
    }
}
