package kz.hearingstate.routing.workbench;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import kz.hearingstate.events.AppealStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

@WebMvcTest(controllers = InboxController.class)
class InboxControllerTest extends WorkbenchSliceTest {

    private static final AppealRow OVERDUE = new AppealRow("a-1", "T-OVERDUE", AppealStatus.IN_PROGRESS, "schools",
            "Uzynagash", "The school bus is late", "01.12.2026 18:00", Urgency.OVERDUE, 0, 2, "aigerim", "education", false);
    private static final AppealRow FRESH = new AppealRow("a-2", "T-FRESH", AppealStatus.ROUTED, "schools",
            "Uzynagash", "No heating in the school", "22.12.2026 18:00", Urgency.ON_TIME, 14, 0, null, "education", false);

    @Test
    void givenASpecialist_whenTheInboxIsOpened_thenItListsTheDepartmentsAppealsWithTheirClockAndPolls() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(OVERDUE, FRESH));
        mvc.perform(get("/workbench/inbox").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("T-OVERDUE")))
                .andExpect(content().string(containsString("Overdue by 2 working days")))
                .andExpect(content().string(containsString("14 working days left")))
                .andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
                .andExpect(content().string(not(containsString("data-figure=\"open\""))));
    }

    @Test
    void givenFilters_whenTheRowsArePolled_thenTheFiltersReachTheWorkbench() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(FRESH));
        mvc.perform(get("/workbench/inbox/rows").param("status", "ROUTED").param("category", "schools")
                        .param("settlement", "Uzynagash").param("q", "t-fresh").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("T-FRESH")))
                .andExpect(content().string(not(containsString("<html"))));
        verify(workbench).inbox(eq(new StaffUser("specialist", StaffRole.SPECIALIST, "education")),
                eq(new Workbench.Filter(AppealStatus.ROUTED, "schools", "Uzynagash", "t-fresh")));
    }

    @Test
    void givenAHead_whenTheInboxIsOpened_thenTheDepartmentsFiguresAndHandlersShow() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(OVERDUE));
        given(workbench.figures(any())).willReturn(new Workbench.Figures(2, 1, 0, 1, 5, Map.of("aigerim", 1L, "", 1L)));
        mvc.perform(get("/workbench/inbox").with(as(StaffRole.HEAD, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-figure=\"open\"")))
                .andExpect(content().string(containsString("aigerim")));
    }

    @Test
    void givenRolesWithoutAnInbox_whenTheInboxIsOpened_thenItIsForbidden() throws Exception {
        for (StaffRole role : List.of(StaffRole.TRIAGE, StaffRole.AKIM_OFFICE, StaffRole.ADMIN)) {
            mvc.perform(get("/workbench/inbox").with(as(role, null))).andExpect(status().isForbidden());
            mvc.perform(get("/workbench/inbox/rows").with(as(role, null))).andExpect(status().isForbidden());
        }
    }

    @Test
    void givenAnUnknownStatus_whenFiltered_thenItIsABadRequestNotAnError() throws Exception {
        mvc.perform(get("/workbench/inbox").param("status", "NOPE").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isBadRequest());
    }
}
