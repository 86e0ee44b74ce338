package kz.hearingstate.routing.workbench;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;

import kz.hearingstate.events.Language;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What every workbench slice shares: the workbench's security chain and language handling, real templates,
 * appeal-web's chains beside it, the {@link Workbench} and the directory mocked.
 */
@Import({WorkbenchSecurity.class, WorkbenchWeb.class, DepartmentNames.class, HistoryReasons.class, CategoryNamesOnPage.class, SettlementNamesOnPage.class,
        WorkbenchSliceTest.Settlements.class})
@ActiveProfiles("local") // the demo keys appeal-web requires, and the demo accounts (education / education-demo)
abstract class WorkbenchSliceTest {

    @Autowired
    protected MockMvc mvc;
    @MockitoBean
    protected Workbench workbench;
    @MockitoBean
    protected DirectoryService directory;

    protected static final Department EDUCATION = new Department("education", 1,
            Map.of(Language.en, "Education Department", Language.kk, "Білім бөлімі", Language.ru, "Отдел образования"),
            null, null, null, null, List.of("schools"), List.of("Uzynagash"), true, false, false, "test", null);

    @BeforeEach
    void directory() {
        given(directory.find(any())).willReturn(java.util.Optional.of(EDUCATION));
        given(directory.active()).willReturn(List.of(EDUCATION));
        given(workbench.department(any())).willReturn(EDUCATION);
        given(workbench.activeDepartments()).willReturn(List.of(EDUCATION));
    }

    /** One listed settlement, in its three languages, as the directory file lists them. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Settlements {
        @org.springframework.context.annotation.Bean
        kz.hearingstate.routing.classification.SettlementNormaliser settlementNormaliser() {
            return new kz.hearingstate.routing.classification.SettlementNormaliser(List.of(new kz.hearingstate.events.Settlement(
                    "uzynagash", Map.of(Language.kk, "Ұзынағаш", Language.ru, "Узынагаш", Language.en, "Uzynagash"), List.of())));
        }
    }

    protected static RequestPostProcessor as(StaffRole role, String department) {
        return user(role.name().toLowerCase()).authorities(StaffUser.authorities(role, department));
    }

    protected static RequestPostProcessor csrf() {
        return SecurityMockMvcRequestPostProcessors.csrf();
    }
}
