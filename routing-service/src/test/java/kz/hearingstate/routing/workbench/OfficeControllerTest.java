package kz.hearingstate.routing.workbench;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import kz.hearingstate.events.AppealStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

@WebMvcTest(controllers = OfficeController.class)
class OfficeControllerTest extends WorkbenchSliceTest {

    @Test
    void givenTheAkimsOffice_whenOpened_thenFiguresAndTheAtRiskListShowConfidentialOnesAsDeadlinesOnly() throws Exception {
        given(workbench.office()).willReturn(new Workbench.Office(
                List.of(new Workbench.DepartmentFigures("education", false, 3, 1),
                        new Workbench.DepartmentFigures("anti-corruption", true, 2, 1)),
                List.of(new AppealRow("late-1", "T-LATE", AppealStatus.IN_PROGRESS, "schools", "Samsy", "Late one",
                                "01.12.2026 18:00", Urgency.OVERDUE, 0, 3, null, "education", false, null),
                        new AppealRow(null, null, AppealStatus.ROUTED, null, null, null, "02.12.2026 18:00",
                                Urgency.DUE_SOON, 1, 0, null, "anti-corruption", true, null))));
        mvc.perform(get("/workbench/office").with(as(StaffRole.AKIM_OFFICE, null)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("T-LATE")))
                .andExpect(content().string(containsString("Escalated: overdue by 3 working days")))
                .andExpect(content().string(containsString("02.12.2026 18:00")))
                .andExpect(content().string(not(containsString("Late one"))));
    }

    @Test
    void givenDepartmentRoles_whenTheOfficeIsOpened_thenItIsForbidden() throws Exception {
        for (StaffRole role : List.of(StaffRole.SPECIALIST, StaffRole.HEAD, StaffRole.TRIAGE, StaffRole.ANTI_CORRUPTION)) {
            mvc.perform(get("/workbench/office").with(as(role, "education"))).andExpect(status().isForbidden());
        }
    }
}
