package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.Language;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.Directory;
import kz.hearingstate.routing.workflow.ActionNotAllowedException;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import kz.hearingstate.routing.workflow.AppealStore;
import kz.hearingstate.routing.workflow.AppealWorkflow;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.routing.workflow.WorkflowService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who must not see an anti-corruption appeal, by its URL as by an action on it: every role but the officer's gets
 * the same "not found" as for an appeal that does not exist, and no view of it is audited (there was none).
 * {@link Workbench}'s rule without Spring; the slices mock it, the browser test tries a few of these roles.
 */
class WorkbenchVisibilityTest {

    private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");
    private static final Department ANTI_CORRUPTION = department("anti-corruption", true);

    private final AppealStore store = mock(AppealStore.class);
    private final DirectoryService directory = mock(DirectoryService.class);
    private final WorkflowService workflow = mock(WorkflowService.class);
    private final ConfidentialViewStore audit = mock(ConfidentialViewStore.class);
    private final Workbench workbench = new Workbench(store, workflow, directory, LegalClock.kazakhstan(),
            Clock.fixed(NOW, ZoneOffset.UTC), null, audit, Directory.SETTLEMENTS);
    private final RoutedAppeal bribe = new AppealWorkflow(LegalClock.kazakhstan(),
            new RoutingProperties.Deadlines(15, Map.of(), 2, 3), code -> true)
            .route(Appeals.submitted("Инспектор потребовал взятку за справку", Language.ru, NOW),
                    new RoutingDecision("anti-corruption", "anti-corruption", null, 0.95, false, false, Reason.safetyCorruption()), NOW);

    WorkbenchVisibilityTest() {
        when(store.find(bribe.appealId())).thenReturn(Optional.of(bribe));
        when(directory.find(anyString())).thenReturn(Optional.empty());
        when(directory.find("anti-corruption")).thenReturn(Optional.of(ANTI_CORRUPTION));
        when(directory.confidentialCodes()).thenReturn(java.util.Set.of("anti-corruption"));
        when(directory.reader(any())).thenCallRealMethod(); // the one rule, over the stubbed flag
        when(directory.isConfidential(anyString())).thenAnswer(call -> "anti-corruption".equals(call.getArgument(0)));
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = "ANTI_CORRUPTION", mode = EnumSource.Mode.EXCLUDE)
    void givenAnAntiCorruptionAppeal_whenAnyOtherRoleOpensOrActsOnItsUrl_thenItIsNotFoundAndNothingIsAudited(StaffRole role) {
        StaffUser user = new StaffUser(role.name().toLowerCase(), role, departmentOf(role));

        assertThatThrownBy(() -> workbench.appeal(user, bribe.appealId())).isInstanceOf(AppealNotFoundException.class);
        assertThatThrownBy(() -> workbench.act(user, bribe.appealId(), reject()))
                .isInstanceOf(AppealNotFoundException.class);
        verify(audit, never()).viewed(any(), any());
        verify(workflow, never()).apply(any());
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"SPECIALIST", "HEAD"})
    void givenAnAccountOfTheConfidentialDepartmentThatIsNotTheOfficer_whenItOpensTheInbox_thenNotFoundAndNoRowIsRead(StaffRole role) {
        // Accounts name their department freely, and an admin can flag a department confidential later: only the
        // officer speaks for one in the workbench, so these see neither its rows (unaudited excerpts) nor its figures.
        StaffUser user = new StaffUser("clerk", role, "anti-corruption");

        assertThatThrownBy(() -> workbench.inbox(user, new Workbench.Filter(null, null, null, null, false)))
                .isInstanceOf(AppealNotFoundException.class);
        assertThatThrownBy(() -> workbench.inbox(user, new Workbench.Filter(null, null, null, bribe.submitted().trackingCode(), false)))
                .isInstanceOf(AppealNotFoundException.class);
        assertThatThrownBy(() -> workbench.figures(user)).isInstanceOf(AppealNotFoundException.class);
        assertThatThrownBy(() -> workbench.appeal(user, bribe.appealId())).isInstanceOf(AppealNotFoundException.class);
        verify(store, never()).worklist(any(), any(), anyInt());
        verify(store, never()).ofDepartmentByTrackingCode(any(), any());
    }

    @Test
    void givenAnAntiCorruptionAppeal_whenTheOfficerActsOnIt_thenTheWorkflowGetsTheAction() {
        StaffUser officer = new StaffUser("anti-corruption", StaffRole.ANTI_CORRUPTION, "anti-corruption");

        workbench.act(officer, bribe.appealId(), reject());

        verify(workflow).apply(any());
    }

    @Test
    void givenTheOfficerExtendsToASaturday_thenTheWorkflowGetsMondaysClose() {
        StaffUser officer = new StaffUser("anti-corruption", StaffRole.ANTI_CORRUPTION, "anti-corruption");

        workbench.act(officer, bribe.appealId(), new Workbench.ActionForm("extend-1", ActionType.EXTEND, bribe.sequence(),
                "an inspection is needed", null, null, null, java.time.LocalDate.parse("2027-01-30")));

        org.mockito.ArgumentCaptor<kz.hearingstate.routing.workflow.Command> sent =
                org.mockito.ArgumentCaptor.forClass(kz.hearingstate.routing.workflow.Command.class);
        verify(workflow).apply(sent.capture());
        assertThat(sent.getValue().newDeadline()).as("Monday 1 February 2027, 18:00 in Almaty")
                .isEqualTo(Instant.parse("2027-02-01T13:00:00Z"));
    }

    @Test
    void givenTheConfidentialDepartmentDeleted_whenTheAkimsOfficeOrTheAdminOpensItsAppeal_thenItIsStillNotFound() {
        when(directory.find("anti-corruption")).thenReturn(Optional.empty()); // deleted: the directory finds active ones only

        for (StaffRole role : List.of(StaffRole.AKIM_OFFICE, StaffRole.ADMIN)) {
            StaffUser user = new StaffUser(role.name().toLowerCase(), role, null);
            assertThatThrownBy(() -> workbench.appeal(user, bribe.appealId())).isInstanceOf(AppealNotFoundException.class);
        }
        verify(audit, never()).viewed(any(), any());
    }

    @ParameterizedTest
    @EnumSource(value = ActionType.class, names = "ROUTE", mode = EnumSource.Mode.EXCLUDE)
    void givenTheTriageDesk_whenItPostsAnyActionButRoute_thenItIsRefusedBeforeTheWorkflow(ActionType action) {
        RoutedAppeal addressedToTheAkim = new AppealWorkflow(LegalClock.kazakhstan(), new RoutingProperties.Deadlines(15, Map.of(), 2, 3),
                code -> true).route(Appeals.submitted("Прошу приёма у акима района", Language.ru, NOW),
                new RoutingDecision("akim-office", "akim-office", null, 0.9, false, false, Reason.classifier(0.9)), NOW);
        when(store.find(addressedToTheAkim.appealId())).thenReturn(Optional.of(addressedToTheAkim));
        StaffUser clerk = new StaffUser("triage", StaffRole.TRIAGE, "akim-office");

        assertThatThrownBy(() -> workbench.act(clerk, addressedToTheAkim.appealId(), new Workbench.ActionForm("a-" + action, action,
                addressedToTheAkim.sequence(), "no ground", "an answer", "health", null, null)))
                .isInstanceOf(ActionNotAllowedException.class);
        verify(workflow, never()).apply(any());

        workbench.act(clerk, addressedToTheAkim.appealId(), new Workbench.ActionForm("route", ActionType.ROUTE,
                addressedToTheAkim.sequence(), null, null, "health", null, null));
        verify(workflow).apply(any());
    }

    /** The department staff of this role belong to: the appeal's own would see it, so another's. */
    private static String departmentOf(StaffRole role) {
        return switch (role) {
            case SPECIALIST, HEAD -> "education";
            case TRIAGE -> "akim-office";
            default -> null;
        };
    }

    private Workbench.ActionForm reject() {
        return new Workbench.ActionForm("action-1", ActionType.REJECT, bribe.sequence(), "no ground", null, null, null, null);
    }

    private static Department department(String code, boolean confidential) {
        return new Department(code, 1, Map.of(Language.ru, code), null, null, null, null, List.of(), List.of(), true, confidential,
                false, "test", null);
    }
}
