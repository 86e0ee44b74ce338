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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Location;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import kz.hearingstate.routing.workflow.AppealWorkflow;
import kz.hearingstate.routing.workflow.InvalidCommandException;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.routing.workflow.StaleAppealException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.OptimisticLockingFailureException;

@WebMvcTest(controllers = AppealPageController.class)
class AppealPageControllerTest extends WorkbenchSliceTest {

    private static final AppealSubmitted SUBMITTED = new AppealSubmitted("a-1", "T-A1", "web", null, AppealType.COMPLAINT,
            null, "Мектеп автобусы келмейді", Language.kk, false, null, false, null,
            new Location("Zhambyl", "Узынагаш", "Абай 1", null, null), List.of(), Instant.parse("2026-12-01T05:00:00Z"),
            Instant.parse("2026-12-01T05:00:00Z"), Instant.parse("2026-12-22T13:00:00Z"));
    private static final AppealRow ROW = new AppealRow("a-1", "T-A1", AppealStatus.IN_PROGRESS, "schools", "Узынагаш",
            "Мектеп", "22.12.2026 18:00", Urgency.ON_TIME, 12, 0, "education", "education", false, null);

    private static final Department AKIM_OFFICE = new Department("akim-office", 1, Map.of(Language.kk, "Аудан әкімінің аппараты",
            Language.ru, "Аппарат акима района", Language.en, "District Akim's Office"), null, null, null, null, List.of(), List.of(),
            true, false, false, "test", null);

    private static AppealPage page() {
        return new AppealPage(ROW, SUBMITTED, new AppealPage.Contact("T*** C******", "**********00", "+7 *** *** ** 42",
                "c***@example.test", "EMAIL", true),
                List.of(new AppealPage.Event(2, "01.12.2026 10:05", LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS,
                        "education", "education/aigerim", Reason.given(null), null, null, false)),
                List.of(new AppealPage.Reply("Үй нөмірі 12, есептегіш аулада.",
                        List.of(new kz.hearingstate.events.Attachment("https://files.test/meter.jpg", "meter.jpg", "image/jpeg")),
                        "03.12.2026 11:15")),
                new AppealPage.Feedback(2, false, "Мұғалім әлі келген жоқ.", "05.12.2026 09:30"),
                2, EnumSet.of(ActionType.ANSWER, ActionType.REQUEST_INFO, ActionType.EXTEND), List.of(EDUCATION),
                List.of(new WorkbenchProperties.AnswerTemplate(
                        Map.of(Language.kk, "Шешілді", Language.ru, "Решено", Language.en, "Solved"),
                        Map.of(Language.kk, "Мәселе шешілді.", Language.en, "Solved."))),
                "01.02.2027 18:00", LocalDate.parse("2027-02-01"), "01.12.2026 10:00", "action-1");
    }

    @Test
    void givenAVisibleAppeal_whenOpened_thenTextMaskedContactHistoryAndItsActionsShow() throws Exception {
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        mvc.perform(get("/workbench/appeals/a-1").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Мектеп автобусы келмейді")))
                .andExpect(content().string(containsString("+7 *** *** ** 42")))
                .andExpect(content().string(containsString("education/aigerim")))
                .andExpect(content().string(containsString("name=\"sequence\" value=\"2\"")))
                .andExpect(content().string(containsString("01.02.2027 18:00")))
                .andExpect(content().string(containsString("data-testid=\"feedback\"")))
                .andExpect(content().string(containsString("Мұғалім әлі келген жоқ.")))
                // The citizen's reply to the request for information, with what they attached.
                .andExpect(content().string(containsString("data-testid=\"replies\"")))
                .andExpect(content().string(containsString("Үй нөмірі 12, есептегіш аулада.")))
                .andExpect(content().string(containsString("href=\"https://files.test/meter.jpg\"")))
                .andExpect(content().string(not(containsString("data-testid=\"accept\""))));
    }

    @Test
    void givenAnAppeal_whenOpenedInKazakh_thenItsCategoryTypeContactChannelAndListedPlaceAreInKazakh() throws Exception {
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        String kk = mvc.perform(get("/workbench/appeals/a-1").param("lang", "kk").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(kk).contains("<dd><span>Мектептер</span></dd>", "<dd>Шағым</dd>", "<dd>Электрондық пошта</dd>")
                .doesNotContain("<dd>schools</dd>", "<dd>COMPLAINT</dd>", "<dd>EMAIL</dd>");
        // The citizen wrote "Узынагаш"; the page names the listed settlement as the inbox does, the address as written.
        org.assertj.core.api.Assertions.assertThat(kk).contains("<span>Ұзынағаш</span><span>, Абай 1</span>")
                .doesNotContain("Узынагаш");
    }

    @Test
    void givenHistoryByThePlatformsOwnActors_whenOpenedInKazakhOrRussian_thenTheyAreNamedInThatLanguage() throws Exception {
        AppealPage byPlatform = page();
        byPlatform = new AppealPage(byPlatform.row(), byPlatform.appeal(), byPlatform.contact(),
                List.of(new AppealPage.Event(1, "01.12.2026 10:00", LifecycleType.ROUTED, AppealStatus.ROUTED, "education",
                                "system", Reason.classifier(0.97), null, null, false),
                        new AppealPage.Event(2, "01.12.2026 10:05", LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS,
                                "education", "education/aigerim", Reason.given(null), null, null, false),
                        new AppealPage.Event(3, "01.12.2026 10:07", LifecycleType.EXTENDED, AppealStatus.IN_PROGRESS,
                                "education", "education", Reason.given("an inspection"), null, null, false)), // its system, by API key
                byPlatform.replies(), byPlatform.feedback(), byPlatform.sequence(), byPlatform.actions(),
                byPlatform.otherDepartments(), byPlatform.templates(), byPlatform.extensionCap(), byPlatform.extensionCapDate(),
                byPlatform.registeredAt(), byPlatform.actionId());
        given(workbench.appeal(any(), eq("a-1"))).willReturn(byPlatform);

        for (String[] expected : new String[][] {{"kk", "— жүйе", "— Білім бөлімі"}, {"ru", "— система", "— Отдел образования"},
                {"en", "by the system", "by Education Department"}}) {
            String html = mvc.perform(get("/workbench/appeals/a-1").param("lang", expected[0])
                    .with(as(StaffRole.SPECIALIST, "education"))).andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(html).as(expected[0]).contains(expected[1], expected[2])
                    .contains("education/aigerim").doesNotContain("— system<", "— education<", "by education<");
        }
    }

    @Test
    void givenThePlatformsOwnReasons_whenOpenedInEachLanguage_thenTheyAreWordedInItAndAPersonsReasonAsWritten() throws Exception {
        given(directory.find("akim-office")).willReturn(java.util.Optional.of(AKIM_OFFICE));
        AppealPage page = page();
        page = new AppealPage(page.row(), page.appeal(), page.contact(),
                List.of(new AppealPage.Event(1, "01.12.2026 10:00", LifecycleType.ROUTED, AppealStatus.ROUTED, "education",
                                "system", Reason.classifier(0.97), null, null, false),
                        new AppealPage.Event(2, "01.12.2026 10:07", LifecycleType.EXTENDED, AppealStatus.IN_PROGRESS,
                                "education", "education/aigerim", Reason.given("жөндеу жұмыстары"), null, null, false),
                        new AppealPage.Event(2, "01.12.2026 10:03", LifecycleType.ROUTED, AppealStatus.ROUTED, "education",
                                "system", Reason.noDepartmentCovers(), null, null, false),
                        new AppealPage.Event(3, "20.12.2026 09:00", LifecycleType.SLA_WARNING, AppealStatus.IN_PROGRESS,
                                "education", "system", Reason.daysLeft(2), null, null, false),
                        new AppealPage.Event(4, "22.12.2026 18:00", LifecycleType.ESCALATED, AppealStatus.IN_PROGRESS,
                                "education", "system", Reason.escalated("akim-office"), null, null, false),
                        // kept before reasons had codes: the event's text, as the history holds it
                        new AppealPage.Event(5, "23.12.2026 10:00", LifecycleType.REOPENED, AppealStatus.ROUTED,
                                "education", "citizen", new Reason("the citizen reports the problem is not solved (rating 1)",
                                        null, null), null, null, false)),
                page.replies(), page.feedback(), page.sequence(), page.actions(), page.otherDepartments(), page.templates(),
                page.extensionCap(), page.extensionCapDate(), page.registeredAt(), page.actionId());
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page);

        for (String[] expected : new String[][] {
                {"kk", "модельдің сенімділігі 0,97", "2 жұмыс күні қалды", "Аудан әкімінің аппараты: мерзім жауапсыз өтті",
                        "өтініштегі елді мекенге қызмет көрсететін бөлім жоқ"},
                {"ru", "уверенность модели 0,97", "осталось 2 раб. дн.", "Аппарат акима района: срок истёк без ответа",
                        "ни один отдел не обслуживает населённый пункт обращения"},
                {"en", "model confidence 0.97", "2 working days left",
                        "District Akim&#39;s Office: the deadline passed without an answer",
                        "no department serves the appeal&#39;s settlement"}}) {
            String html = mvc.perform(get("/workbench/appeals/a-1").param("lang", expected[0])
                    .with(as(StaffRole.SPECIALIST, "education"))).andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(html).as(expected[0])
                    .contains(expected[1], expected[2], expected[3], expected[4], "жөндеу жұмыстары",
                            "the citizen reports the problem is not solved (rating 1)")
                    .doesNotContain("classifier: 0.97", "escalated to akim-office");
        }
    }

    @Test
    void givenAnswerTemplates_whenThePageIsOpenedInEachLanguage_thenTheirTitlesAreInIt() throws Exception {
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        for (String[] expected : new String[][] {{"kk", "Шешілді"}, {"ru", "Решено"}, {"en", "Solved"}}) {
            String html = mvc.perform(get("/workbench/appeals/a-1").param("lang", expected[0])
                    .with(as(StaffRole.SPECIALIST, "education"))).andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(html).as(expected[0]).containsPattern(">\\s*" + expected[1] + "\\s*</button>");
        }
    }

    private static AppealPage bandPage() {
        AppealRow band = new AppealRow("a-1", "T-A1", AppealStatus.ROUTED, null, "Узынагаш", "Мектеп", "22.12.2026 18:00",
                Urgency.ON_TIME, 14, 0, null, "anti-corruption", false, new Workbench.Review(0.19,
                List.of(new Workbench.Suggestion("education", 0.62), new Workbench.Suggestion("health", 0.2)), 1, "detector"));
        return new AppealPage(band, SUBMITTED, null,
                List.of(new AppealPage.Event(1, "01.12.2026 10:00", LifecycleType.ROUTED, AppealStatus.ROUTED,
                        "anti-corruption", "system", Reason.corruptionReview(0.19, 0.15, 0.24), null, null, false)),
                List.of(), null, 1, EnumSet.of(ActionType.ACCEPT, ActionType.FORWARD, ActionType.REJECT), List.of(EDUCATION), List.of(),
                "01.02.2027 18:00", LocalDate.parse("2027-02-01"), "01.12.2026 10:00", "action-9");
    }

    @Test
    void givenABandAppeal_whenTheOfficerOpensIt_thenTheMarkTheScoreAndAOneStepForwardPerSuggestionShow() throws Exception {
        given(workbench.appeal(any(), eq("a-1"))).willReturn(bandPage());
        mvc.perform(get("/workbench/appeals/a-1").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-labelledby=\"review-title\"")))
                .andExpect(content().string(containsString("Possibly not a corruption report")))
                .andExpect(content().string(containsString("score 0.19, below the threshold of a report")))
                .andExpect(content().string(containsString("Forward to Education Department")))
                .andExpect(content().string(containsString("62% likely")))
                .andExpect(content().string(containsString("data-forward=\"health\"")))
                // No reason of the officer's page language: the workflow's own, which each reader reads in theirs.
                .andExpect(content().string(not(containsString("type=\"hidden\" name=\"reason\""))));
        mvc.perform(get("/workbench/appeals/a-1").param("lang", "kk").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(content().string(containsString("Бұл сыбайлас жемқорлық туралы хабар болмауы мүмкін")))
                .andExpect(content().string(containsString("Қайта жіберу: Білім бөлімі")));
        mvc.perform(get("/workbench/appeals/a-1").param("lang", "ru").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")))
                .andExpect(content().string(containsString("Возможно, это не сообщение о коррупции")))
                .andExpect(content().string(containsString("оценка 0,19 — ниже порога"))) // as Russian writes a decimal
                .andExpect(content().string(containsString("Перенаправить: Отдел образования")))
                // No category was chosen for it: said so, not an empty field.
                .andExpect(content().string(containsString("<dt>Категория</dt><dd><span>Не указано</span></dd>")));
    }

    @Test
    void givenAnAppealWithoutTheMark_whenOpened_thenNoReviewSectionShows() throws Exception {
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        mvc.perform(get("/workbench/appeals/a-1").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(content().string(not(containsString("data-testid=\"review\""))))
                .andExpect(content().string(not(containsString("data-forward"))));
    }

    @Test
    void givenAOneStepForward_whenPosted_thenTheWorkflowGetsTheForwardAndTheOfficerIsBackAtTheInbox() throws Exception {
        RoutedAppeal forwarded = new AppealWorkflow(LegalClock.kazakhstan(), new RoutingProperties.Deadlines(15, Map.of(), 2, 3),
                code -> true).route(Appeals.submitted("Мектеп", Language.kk, Instant.parse("2026-12-01T05:00:00Z")),
                new RoutingDecision("education", "education", null, 1.0, false, false, Reason.forwarded()),
                Instant.parse("2026-12-01T05:00:00Z"));
        given(workbench.act(any(), eq("a-1"), any())).willReturn(forwarded);
        mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.ANTI_CORRUPTION, "anti-corruption")).with(csrf())
                        .param("actionId", "a-1:forward:1").param("action", "FORWARD").param("sequence", "1")
                        .param("targetDepartment", "education"))
                .andExpect(redirectedUrl("/workbench/inbox?forwarded=education"));
        verify(workbench).act(eq(new StaffUser("anti_corruption", StaffRole.ANTI_CORRUPTION, "anti-corruption")), eq("a-1"),
                eq(new Workbench.ActionForm("a-1:forward:1", ActionType.FORWARD, 1L, null, null, "education", null, null)));
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
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/workbench/session-ended")); // what was typed comes back there
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
    void givenALongAnswerInKazakh_whenPostedAsABrowserPostsIt_thenThePageSaysTooLongAndKeepsTheText() throws Exception {
        // 20,001 letters of two bytes each, percent-encoded to six: 120 KB of form, over the 64 KB a JSON body may
        // have. The body guard lets a form be three times the limit, so the answer reaches the page's own check.
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        String answer = "ә".repeat(20001);
        String form = "action=ANSWER&sequence=2&actionId=action-1&answer=" + java.net.URLEncoder.encode(answer, StandardCharsets.UTF_8);
        String html = mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED).content(form))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is too long (at most 20,000 characters)")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html).contains(answer + "</textarea>");
        verify(workbench, never()).act(any(), any(), any());
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
    void givenOthersWritingTheAppealThroughEveryRetry_whenAnActionIsPosted_thenTheSameConflictPageNotAJson409() throws Exception {
        given(workbench.act(any(), eq("a-1"), any())).willThrow(new OptimisticLockingFailureException("version moved 5 times"));
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .param("action", "ACCEPT").param("sequence", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
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
    void givenAFailedExtension_whenThePageComesBack_thenItsFormIsOpenAndRefilledAndTheFieldIsNamedInThePagesLanguage()
            throws Exception {
        given(workbench.act(any(), eq("a-1"), any())).willThrow(new InvalidCommandException(List.of(
                kz.hearingstate.web.problem.FieldViolation.of("newDeadline", "deadline-not-later",
                        Instant.parse("2026-12-22T13:00:00Z")))));
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        given(workbench.format(Instant.parse("2026-12-22T13:00:00Z"))).willReturn("22.12.2026 18:00");
        String kk = mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .header("Accept-Language", "kk").param("action", "EXTEND").param("sequence", "2")
                        .param("newDeadline", "2026-12-20").param("reason", "Сараптама қажет: <екі апта>"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(kk)
                .contains("<span>Жаңа мерзім</span>: ") // the field's label, not "newDeadline"
                .contains("қазіргі 22.12.2026 18:00 мерзімінен кейін") // the moment as staff read it, not 2026-12-22T13:00:00Z
                .doesNotContain("<span>newDeadline</span>")
                .containsPattern("(?s)<details open=\"open\">\\s*<summary>[^<]*</summary>\\s*<form[^>]*>(?:(?!</form>).)*name=\"newDeadline\""
                        + "[^>]*value=\"2026-12-20\"")
                .contains("Сараптама қажет: &lt;екі апта&gt;</textarea>")
                // the other forms stay closed and empty
                .containsPattern("(?s)<details>\\s*<summary>[^<]*</summary>\\s*<form[^>]*>(?:(?!</form>).)*id=\"info-reason\"[^>]*></textarea>");
    }

    @Test
    void givenAForwardWithoutATarget_whenRefused_thenTheMessageSaysWhatToDoWithoutTheApisFieldNames() throws Exception {
        given(workbench.act(any(), eq("a-1"), any())).willThrow(new InvalidCommandException(List.of(
                kz.hearingstate.web.problem.FieldViolation.of("targetDepartment", "target-or-outside-required"))));
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        String ru = mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                        .header("Accept-Language", "ru").param("action", "FORWARD").param("sequence", "2")
                        .param("reason", "Не наш вопрос\r\nсовсем"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(ru).contains("<span>Отдел</span>: <span>выберите отдел или укажите внешний орган</span>")
                .doesNotContain("targetDepartment или", "outsideBody");
        verify(workbench).act(any(), eq("a-1"), eq(new Workbench.ActionForm(null, ActionType.FORWARD, 2L, "Не наш вопрос\nсовсем",
                null, null, null, null)));
    }

    @Test
    void givenAForwardToTheDepartmentThatHoldsIt_whenRefused_thenTheMessageNamesItInThePagesLanguage() throws Exception {
        given(workbench.act(any(), eq("a-1"), any())).willThrow(new InvalidCommandException(List.of(
                kz.hearingstate.web.problem.FieldViolation.of("targetDepartment", "already-assigned", "education"))));
        given(workbench.appeal(any(), eq("a-1"))).willReturn(page());
        String kk = mvc.perform(post("/workbench/appeals/a-1/actions").with(as(StaffRole.TRIAGE, null)).with(csrf())
                        .header("Accept-Language", "kk").param("action", "FORWARD").param("sequence", "2")
                        .param("targetDepartment", "education").param("reason", "Мектеп мәселесі"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        // The directory's Kazakh name, not the code the API's message carries.
        org.assertj.core.api.Assertions.assertThat(kk).contains("өтініш бұрыннан осы бөлімде: " + EDUCATION.names().get(Language.kk))
                .doesNotContain("бөлімде: education");
    }

    @Test
    void givenThePageOfAFailedAction_whenItsAddressIsOpened_thenItLeadsBackToTheAppeal() throws Exception {
        // What a language link or a reload on that page does: its address is the form's.
        mvc.perform(get("/workbench/appeals/a-1/actions").param("lang", "ru").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(redirectedUrl("/workbench/appeals/a-1"));
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
