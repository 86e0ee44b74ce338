package kz.hearingstate.routing.workbench;

import static org.hamcrest.Matchers.containsString;
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

import java.util.List;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

@WebMvcTest(controllers = TriageController.class)
class TriageControllerTest extends WorkbenchSliceTest {

    private static final Workbench.TriageItem ITEM = new Workbench.TriageItem(new AppealRow("t-1", "T-T1",
            AppealStatus.ROUTED, null, "Samsy", "Something unclear", "22.12.2026 18:00", Urgency.ON_TIME, 14, 0, null,
            "akim-office", false, null), "Something unclear happened", 1,
            List.of(new Workbench.Suggestion("education", 0.31), new Workbench.Suggestion("health", 0.22)));

    @Test
    void givenTheTriageDesk_whenOpened_thenEachAppealShowsTheModelsSuggestionsWithProbabilities() throws Exception {
        given(workbench.triage()).willReturn(List.of(ITEM));
        mvc.perform(get("/workbench/triage").with(as(StaffRole.TRIAGE, null)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Something unclear happened")))
                .andExpect(content().string(containsString("data-route=\"education\"")))
                .andExpect(content().string(containsString("31%")));
    }

    @Test
    void givenOtherRoles_whenTheTriageDeskIsOpened_thenItIsForbidden() throws Exception {
        for (StaffRole role : List.of(StaffRole.SPECIALIST, StaffRole.HEAD, StaffRole.AKIM_OFFICE, StaffRole.ANTI_CORRUPTION)) {
            mvc.perform(get("/workbench/triage").with(as(role, "education"))).andExpect(status().isForbidden());
            mvc.perform(post("/workbench/triage/t-1/route").with(as(role, "education")).with(csrf())
                    .param("actionId", "x").param("sequence", "1").param("targetDepartment", "education"))
                    .andExpect(status().isForbidden());
        }
        verify(workbench, never()).act(any(), any(), any());
    }

    @Test
    void givenARouteWithoutTheCsrfToken_whenPosted_thenItIsRefused() throws Exception {
        mvc.perform(post("/workbench/triage/t-1/route").with(as(StaffRole.TRIAGE, null))
                        .param("actionId", "x").param("sequence", "1").param("targetDepartment", "education"))
                .andExpect(status().isForbidden());
        verify(workbench, never()).act(any(), any(), any());
    }

    @Test
    void givenOneClick_whenPosted_thenTheWorkflowRoutesItAndTheDeskSaysSo() throws Exception {
        mvc.perform(post("/workbench/triage/t-1/route").with(as(StaffRole.TRIAGE, null)).with(csrf())
                        .param("actionId", "t-1:route:1").param("sequence", "1").param("targetDepartment", "education"))
                .andExpect(redirectedUrl("/workbench/triage"));
        verify(workbench).act(eq(new StaffUser("triage", StaffRole.TRIAGE, "akim-office")), eq("t-1"),
                eq(new Workbench.ActionForm("t-1:route:1", ActionType.ROUTE, 1L, null, null,
                        "education", null, null)));
    }
}
