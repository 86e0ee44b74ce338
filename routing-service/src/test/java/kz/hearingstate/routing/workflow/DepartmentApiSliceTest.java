package kz.hearingstate.routing.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import kz.hearingstate.routing.classification.CorrectionStore;
import kz.hearingstate.routing.classification.OverrideRule;
import kz.hearingstate.routing.classification.OverrideRuleStore;
import kz.hearingstate.routing.classification.RoutingAdminController;
import kz.hearingstate.routing.directory.DepartmentController;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.web.RoutingAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routing's HTTP controllers with the shared edge and nothing behind them: every boundary a department, the
 * admin or a stranger could try to cross, answered before a body is read or a store is asked.
 */
@WebMvcTest(controllers = {AppealController.class, DepartmentController.class, RoutingAdminController.class})
@Import(RoutingAccess.class)
@ActiveProfiles("local") // admin-demo-key, <department>-demo-key
class DepartmentApiSliceTest {

    static final String PROBLEMS = "https://hearingstate.kz/problems/";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @MockitoBean
    WorkflowService workflow;
    @MockitoBean
    AppealStore store;
    @MockitoBean
    DirectoryService directory;
    @MockitoBean
    OverrideRuleStore rules;
    @MockitoBean
    CorrectionStore corrections;
    @MockitoBean
    Clock clock;

    @Test
    void givenNoKey_whenReadingAnAppeal_thenUnauthenticatedAndTheStoreIsNotAsked() throws Exception {
        mvc.perform(get("/api/v1/appeals/a-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthenticated"));
        verifyNoInteractions(store);
    }

    @Test
    void givenNoKey_whenPostingAnInvalidRule_thenUnauthenticatedBeforeTheBodyIsChecked() throws Exception {
        mvc.perform(post("/api/v1/admin/routing-rules").contentType(MediaType.APPLICATION_JSON).content("{\"pattern\":\"\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthenticated"))
                .andExpect(jsonPath("$.errors").doesNotExist());
        mvc.perform(post("/api/v1/admin/departments").contentType(MediaType.APPLICATION_JSON).content("{\"code\":"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors").doesNotExist());
        verifyNoInteractions(rules, directory);
    }

    @Test
    void givenADepartmentKey_whenPostingToAnAdminAddress_thenForbiddenBeforeTheBodyIsChecked() throws Exception {
        mvc.perform(post("/api/v1/admin/routing-rules").header("X-Api-Key", "education-demo-key")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pattern\":\"\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"))
                .andExpect(jsonPath("$.errors").doesNotExist());
        verifyNoInteractions(rules);
    }

    @Test
    void givenTheAdminKey_whenPostingALookAheadThatRe2DoesNotHave_thenThePatternIsRefusedAndNothingIsSaved() throws Exception {
        mvc.perform(post("/api/v1/admin/routing-rules").header("X-Api-Key", "admin-demo-key")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pattern\":\"газопровод(?=у)\",\"department\":\"health\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pattern"))
                .andExpect(jsonPath("$.errors[0].message", containsString("RE2")));
        verify(rules, never()).save(any());
    }

    @Test
    void givenAStoredRuleThatRe2Refuses_whenTheAdminListsTheRules_thenItIsMarkedAsMatchingNothing() throws Exception {
        when(rules.all()).thenReturn(java.util.List.of(
                new OverrideRule("old", "газопровод(?=у)", "health", null, 1, true, "admin", java.time.Instant.EPOCH),
                new OverrideRule("new", "газопровод", "health", null, 2, true, "admin", java.time.Instant.EPOCH)));

        mvc.perform(get("/api/v1/admin/routing-rules").header("X-Api-Key", "admin-demo-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("old"))
                .andExpect(jsonPath("$[0].matchable").value(false))
                .andExpect(jsonPath("$[1].matchable").value(true));
    }

    @Test
    void givenTheAdminKey_whenPostingAnInvalidRule_thenValidationFailedNamingEachField() throws Exception {
        mvc.perform(post("/api/v1/admin/routing-rules").header("X-Api-Key", "admin-demo-key")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pattern\":\"\",\"department\":\"health\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("pattern"));
    }

    @Test
    void givenAnotherDepartmentsAppeal_whenReadingIt_thenExactlyLikeAMissingOne() throws Exception {
        RoutedAppeal educations = new RoutedAppeal();
        educations.appealId = "a-1";
        educations.department = "education";
        when(store.find("a-1")).thenReturn(Optional.of(educations));
        when(store.find("a-2")).thenReturn(Optional.empty());

        String notYours = mvc.perform(get("/api/v1/appeals/a-1").header("X-Api-Key", "health-demo-key"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/api/v1/appeals/a-2").header("X-Api-Key", "health-demo-key"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(withoutInstance(notYours)).isEqualTo(withoutInstance(missing));
        assertThat(json.readTree(notYours).get("type").asString()).isEqualTo(PROBLEMS + "not-found");
    }

    @Test
    void givenAReportHealthSentToAntiCorruption_whenHealthSendsItsForwardAgainLater_thenItLearnsNothingTheOfficerDid()
            throws Exception {
        // The officer has since sent the report on to the prosecutor: the appeal is closed there, with a longer deadline.
        RoutedAppeal report = new RoutedAppeal();
        report.appealId = "a-1";
        report.submitted = kz.hearingstate.routing.support.Appeals.submitted("Дәрігер ақша сұрады",
                kz.hearingstate.events.Language.kk, java.time.Instant.parse("2026-12-01T05:00:00Z"));
        report.department = "anti-corruption";
        report.previousDepartment = "health";
        report.status = kz.hearingstate.events.AppealStatus.FORWARDED;
        report.forwardedTo = "District prosecutor's office";
        report.sequence = 7;
        report.registeredAt = java.time.Instant.parse("2026-12-01T05:00:00Z");
        report.deadline = java.time.Instant.parse("2027-01-29T13:00:00Z");
        report.slaState = SlaState.WARNED;
        when(workflow.apply(any())).thenReturn(report);
        when(directory.reader(any())).thenCallRealMethod(); // the one rule, over the stubbed flag
        when(directory.isConfidential(any())).thenAnswer(call -> "anti-corruption".equals(call.getArgument(0)));

        String answer = mvc.perform(post("/api/v1/appeals/a-1/actions").header("X-Api-Key", "health-demo-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actionId\":\"fwd-1\",\"action\":\"FORWARD\",\"targetDepartment\":\"anti-corruption\","
                                + "\"reason\":\"a bribe\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("anti-corruption"))
                .andExpect(jsonPath("$.status").value("ROUTED"))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain("prosecutor").doesNotContain("FORWARDED").doesNotContain("WARNED")
                .doesNotContain("2027-01-29").doesNotContain("Дәрігер");
        assertThat(json.readTree(answer).get("sequence").asLong()).isZero();
    }

    @Test
    void givenAnotherDepartmentsQueue_whenReadingIt_thenNotFoundAndTheStoreIsNotAsked() throws Exception {
        mvc.perform(get("/api/v1/departments/education/appeals").header("X-Api-Key", "health-demo-key"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        mvc.perform(get("/api/v1/appeals/at-risk").header("X-Api-Key", "health-demo-key"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(store);
    }

    @Test
    void givenNoKey_whenActingOnAnAppeal_thenUnauthenticatedAndNothingIsApplied() throws Exception {
        mvc.perform(post("/api/v1/appeals/a-1/actions").contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"ACCEPT\"}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(workflow);
    }

    @Test
    void givenNoKey_whenReadingThePublicDirectory_thenItIsOpen() throws Exception {
        when(directory.active()).thenReturn(List.of());
        mvc.perform(get("/api/v1/departments")).andExpect(status().isOk());
        when(directory.find(any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/departments/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
    }

    private ObjectNode withoutInstance(String problem) {
        ObjectNode node = (ObjectNode) json.readTree(problem);
        node.remove("instance");
        return node;
    }
}
