package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.hearingstate.events.AppealStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

@WebMvcTest(controllers = InboxController.class)
class InboxControllerTest extends WorkbenchSliceTest {

    private static final AppealRow OVERDUE = new AppealRow("a-1", "T-OVERDUE", AppealStatus.IN_PROGRESS, "schools",
            "Uzynagash", "The school bus is late", "01.12.2026 18:00", Urgency.OVERDUE, 0, 2, "education/aigerim", "education", false, null);
    private static final AppealRow FRESH = new AppealRow("a-2", "T-FRESH", AppealStatus.ROUTED, "schools",
            "Uzynagash", "No heating in the school", "22.12.2026 18:00", Urgency.ON_TIME, 14, 0, null, "education", false, null);

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
    void givenAnOpenInbox_whenItsRowsArePolled_thenTheyAreSwappedAndAnnouncedOnlyWhenTheyChanged() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(FRESH));
        given(workbench.formattedNow()).willReturn("03.12.2026 10:00");
        String page = mvc.perform(get("/workbench/inbox").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p id=\"inbox-changes\" role=\"status\"")))
                .andExpect(content().string(not(containsString("aria-live"))))
                .andReturn().getResponse().getContentAsString();
        String seen = seen(page);

        mvc.perform(get("/workbench/inbox/rows").param("seen", seen).with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));

        given(workbench.inbox(any(), any())).willReturn(List.of(OVERDUE, FRESH));
        String changed = mvc.perform(get("/workbench/inbox/rows").param("seen", seen).with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("T-OVERDUE")))
                .andExpect(content().string(containsString(
                        "<p id=\"inbox-changes\" hx-swap-oob=\"innerHTML\">The list was updated at 03.12.2026 10:00. Appeals in it: 2.</p>")))
                .andReturn().getResponse().getContentAsString();
        assertThat(changed.strip()).as("nothing may stand before the rows").startsWith("<tbody");
        assertThat(seen(changed)).isNotEqualTo(seen);

        // The same rows in another language render other words: a new version.
        mvc.perform(get("/workbench/inbox/rows").param("seen", seen(changed)).param("lang", "ru")
                        .with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk());
    }

    private static String seen(String html) {
        Matcher matcher = Pattern.compile("seen=([0-9a-f]{32})").matcher(html);
        assertThat(matcher.find()).as("the rows' poll carries their version").isTrue();
        return matcher.group(1);
    }

    private static final AppealRow BAND = new AppealRow("a-3", "T-BAND", AppealStatus.ROUTED, null, "Uzynagash",
            "Money for the school's repairs", "22.12.2026 18:00", Urgency.ON_TIME, 14, 0, null, "anti-corruption", false,
            new Workbench.Review(0.19, List.of(new Workbench.Suggestion("education", 0.62), new Workbench.Suggestion("health", 0.2)), 4, "detector"));
    private static final AppealRow REPORT = new AppealRow("a-4", "T-REPORT", AppealStatus.ROUTED, null, "Uzynagash",
            "A bribe for a certificate", "22.12.2026 18:00", Urgency.ON_TIME, 14, 0, null, "anti-corruption", false, null);

    @Test
    void givenTheOfficersInbox_whenABandAppealIsListed_thenItIsMarkedInWordsWithTheSuggestionsAndOneStepForwards() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(BAND, REPORT));
        String html = mvc.perform(get("/workbench/inbox/rows").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Review: possibly not a report")))
                .andExpect(content().string(containsString("score 0.19")))
                .andExpect(content().string(containsString("Forward to Education Department · 62% likely")))
                .andExpect(content().string(containsString("name=\"actionId\" value=\"a-3:forward:4\"")))
                .andExpect(content().string(containsString("name=\"sequence\" value=\"4\"")))
                .andExpect(content().string(containsString("name=\"targetDepartment\" value=\"health\"")))
                .andExpect(content().string(containsString("action=\"/workbench/appeals/a-3/actions\"")))
                .andReturn().getResponse().getContentAsString();
        // The report found with certainty carries no mark and no forward.
        String reportRow = html.substring(html.indexOf("data-appeal=\"a-4\""));
        org.assertj.core.api.Assertions.assertThat(reportRow).doesNotContain("data-testid=\"review\"").doesNotContain("data-forward");
    }

    @Test
    void givenTheOfficersInboxInKazakhAndRussian_whenABandAppealIsListed_thenTheMarkIsInTheirLanguage() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(BAND));
        mvc.perform(get("/workbench/inbox").param("lang", "kk").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(content().string(containsString("Тексеруде: сыбайлас жемқорлық туралы хабар болмауы мүмкін")))
                .andExpect(content().string(containsString("Қайта жіберу: Білім бөлімі · ықтималдығы 62%")));
        mvc.perform(get("/workbench/inbox").param("lang", "ru").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(content().string(containsString("На проверке: возможно, не сообщение о коррупции")))
                .andExpect(content().string(containsString("Перенаправить: Отдел образования · вероятность 62%")));
    }

    @Test
    void givenADepartmentsSettlements_whenTheInboxOpensInKazakh_thenTheFilterNamesThemInKazakhAndFiltersByTheListedName() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of());
        mvc.perform(get("/workbench/inbox").param("lang", "kk").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(content().string(containsString("<option value=\"Uzynagash\">Ұзынағаш</option>")));
        mvc.perform(get("/workbench/inbox").param("lang", "ru").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(content().string(containsString("<option value=\"Uzynagash\">Узынагаш</option>")))
                // "Any" agrees with its noun in Russian: любая категория, любой населённый пункт.
                .andExpect(content().string(containsString("<option value=\"\">Любая</option>")))
                .andExpect(content().string(containsString("<option value=\"\">Любой</option>")));
    }

    @Test
    void givenAForwardFromAnAppealsPage_whenTheInboxOpens_thenItSaysWhereTheAppealWentAndIgnoresUnknownCodes() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of());
        mvc.perform(get("/workbench/inbox").param("forwarded", "education").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(content().string(containsString("Forwarded to Education Department: the appeal has left your inbox.")));
        mvc.perform(get("/workbench/inbox").param("forwarded", "<script>").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"forwarded\""))));
    }

    @Test
    void givenTheOfficer_whenOnlyAppealsToReviewAreAsked_thenTheFilterReachesTheWorkbenchAndThePollKeepsIt() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(BAND));
        mvc.perform(get("/workbench/inbox").param("review", "true").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"review\" name=\"review\" type=\"checkbox\" value=\"true\" checked")))
                .andExpect(content().string(containsString("review=true")));
        verify(workbench).inbox(eq(new StaffUser("anti_corruption", StaffRole.ANTI_CORRUPTION, "anti-corruption")),
                eq(new Workbench.Filter(null, null, null, null, true)));
    }

    @Test
    void givenAnotherDepartment_whenItAsksForAppealsToReview_thenThereIsNoSuchFilterForIt() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(FRESH));
        mvc.perform(get("/workbench/inbox").param("review", "true").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"review\""))))
                .andExpect(content().string(not(containsString("review=true"))));
        verify(workbench).inbox(eq(new StaffUser("specialist", StaffRole.SPECIALIST, "education")),
                eq(new Workbench.Filter(null, null, null, null, false)));
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
                eq(new Workbench.Filter(AppealStatus.ROUTED, "schools", "Uzynagash", "t-fresh", false)));
    }

    @Test
    void givenARowWithoutACategory_whenListed_thenItSaysSoInThePagesLanguage() throws Exception {
        AppealRow uncategorised = new AppealRow("a-3", "T-NONE", AppealStatus.ROUTED, null, "Uzynagash", "Water",
                "22.12.2026 18:00", Urgency.ON_TIME, 14, 0, null, "education", false, null);
        given(workbench.inbox(any(), any())).willReturn(List.of(uncategorised));
        mvc.perform(get("/workbench/inbox").param("lang", "ru").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td><span>Не указано</span></td>")));
    }

    @Test
    void givenAHead_whenTheInboxIsOpened_thenTheDepartmentsFiguresAndHandlersShow() throws Exception {
        given(workbench.inbox(any(), any())).willReturn(List.of(OVERDUE));
        given(workbench.figures(any())).willReturn(new Workbench.Figures(2, 1, 0, 1, 5,
                Map.of("education/aigerim", 1L, "education", 3L, "", 1L)));
        String html = mvc.perform(get("/workbench/inbox").param("lang", "ru").with(as(StaffRole.HEAD, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-figure=\"open\"")))
                .andReturn().getResponse().getContentAsString();
        // A login by itself; the department's code, where its own system accepted, in words; none yet, in words.
        org.assertj.core.api.Assertions.assertThat(html).contains("<span>aigerim</span>", "<span>информационная система отдела</span>",
                "Ещё не принято").doesNotContain("education/aigerim", ">education<");
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
