package kz.hearingstate.routing.workbench;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Location;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import kz.hearingstate.routing.workflow.InvalidCommandException;
import kz.hearingstate.routing.workflow.StaleAppealException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

@WebMvcTest(controllers = AppealPageController.class)
class AppealPageControllerTest extends WorkbenchSliceTest {

    private static final AppealSubmitted SUBMITTED = new AppealSubmitted("a-1", "T-A1", "web", null, AppealType.COMPLAINT,
            null, "Мектеп автобусы келмейді", Language.kk, false, null, false, null,
            new Location("Zhambyl", "Узынагаш", "Абай 1", null, null), List.of(), Instant.parse("2026-12-01T05:00:00Z"),
            Instant.parse("2026-12-01T05:00:00Z"), Instant.parse("2026-12-22T13:00:00Z"));
    private static final AppealRow ROW = new AppealRow("a-1", "T-A1", AppealStatus.IN_PROGRESS, "schools", "Узынагаш",
            "Мектеп", "22.12.2026 18:00", Urgency.ON_TIME, 12, 0, "education", "education", false);

    private static AppealPage page() {
        return new AppealPage(ROW, SUBMITTED, new AppealPage.Contact("T*** C******", "**********00", "+7*******00",
                "c***@example.test", "EMAIL", true),
                List.of(new AppealPage.Event(2, "01.12.2026 10:05", LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS,
                        "education", "education/aigerim", null, null, null)),
                new AppealPage.Feedback(2, false, "Мұғалім әлі келген жоқ.", "05.12.2026 09:30"),
                2, EnumSet.of(ActionType.ANSWER, ActionType.REQUEST_INFO, ActionType.EXTEND), List.of(EDUCATION),
                List.of(new WorkbenchProperties.AnswerTemplate("Solved", Map.of(Language.kk, "Мәселе шешілді.", Language.en, "Solved."))),
                "01.02.2027 18:00", LocalDate.parse("2027-02-01"), "01.12.2026 10:00", "action-1");
    }

    @Test
    void givenAVisibleAppeal_whenOpened_thenTextMaskedContactHistoryAndItsActionsShow() throws Exception {
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        mvc.perform(get("/workbench/appeals/a-1").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Мектеп автобусы келмейді")))
                .andExpect(content().string(containsString("+7*******00")))
                .andExpect(content().string(containsString("education/aigerim")))
                .andExpect(content().string(containsString("name=\"sequence\" value=\"2\"")))
                .andExpect(content().string(containsString("01.02.2027 18:00")))
                .andExpect(content().string(containsString("data-testid=\"feedback\"")))
                .andExpect(content().string(containsString("Мұғалім әлі келген жоқ.")))
                .andExpect(content().string(not(containsString("data-testid=\"accept\""))));
    }

    @Test
    void givenAnotherDepartmentsAppeal_whenOpened_thenItIsTheSameNotFoundPageAsAMissingOne() throws Exception {
        given(workbench.appeal(any(), eq("theirs"))).willThrow(new AppealNotFoundException("theirs"));
        given(workbench.appeal(any(), eq("missing"))).willThrow(new AppealNotFoundException("missing"));
        String theirs = mvc.perform(get("/workbench/appeals/theirs").with(as(StaffRole.SPECIALIST, "housing-utilities")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/workbench/appeals/missing").with(as(StaffRole.SPECIALIST, "housing-utilities")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(theirs).isEqualTo(missing).contains("data-testid=\"not-found\"");
    }

    @Test
    void givenAnActionWithoutTheCsrfToken_whenPosted_thenItIsRefusedAndNothingIsApplied() throws Exception {
        mvc.perform(post("/workbench/appeals/a-1/actions").param("action", "ACCEPT").param("sequence", "1")
                        .with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isForbidden());
        verify(workbench, never()).act(any(), any(), any());
    }

    @Test
    void givenAnAnswer_whenPosted_thenTheWorkflowGetsItWithTheSeenSequenceAndThePageReloads() throws Exception {
        mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .param("actionId", "action-1").param("action", "ANSWER").param("sequence", "2").param("answer", "Шешілді."))
                .andExpect(redirectedUrl("/workbench/appeals/a-1?done=ANSWER"));
        verify(workbench).act(eq(new StaffUser("specialist", StaffRole.SPECIALIST, "education")), eq("a-1"),
                eq(new Workbench.ActionForm("action-1", ActionType.ANSWER, 2L, null, "Шешілді.", null, null, null)));
    }

    @Test
    void givenAStalePage_whenAnActionIsPosted_thenAConflictPageSaysNothingWasSaved() throws Exception {
        given(workbench.act(any(), eq("a-1"), any())).willThrow(new StaleAppealException("a-1", 1, 2));
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .param("action", "ACCEPT").param("sequence", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("changed after you opened it")));
    }

    @Test
    void givenAnIncompleteAction_whenPosted_thenTheFieldIsNamedAndNothingIsSaved() throws Exception {
        given(workbench.act(any(), eq("a-1"), any())).willThrow(new InvalidCommandException(
                List.of(kz.hearingstate.web.problem.FieldViolation.of("reason", "required-for-action"))));
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .param("action", "EXTEND").param("sequence", "2").param("newDeadline", "2027-01-15"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is required for this action")));
    }

    @Test
    void givenAnUnknownAction_whenPosted_thenItIsABadRequest() throws Exception {
        mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .param("action", "DELETE"))
                .andExpect(status().isBadRequest());
        verify(workbench, never()).act(any(), any(), any());
    }

    @Test
    void givenATemplate_whenChosen_thenTheAnswerBoxComesBackInTheCitizensLanguage() throws Exception {
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        mvc.perform(get("/workbench/appeals/a-1/template").param("index", "0").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Мәселе шешілді.")))
                .andExpect(content().string(containsString("<textarea")));
    }
}
