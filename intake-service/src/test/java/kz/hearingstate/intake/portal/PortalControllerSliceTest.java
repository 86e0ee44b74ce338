package kz.hearingstate.intake.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.intake.status.AppealStatusView;
import org.springframework.http.MediaType;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.channel.ChannelRateLimits;
import kz.hearingstate.intake.channel.TokenBucket;
import kz.hearingstate.intake.config.ClockConfig;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.directory.DepartmentDirectory;
import kz.hearingstate.intake.directory.DepartmentRecord;
import kz.hearingstate.intake.open311.Open311Refusals;
import kz.hearingstate.intake.submission.AppealRequest;
import kz.hearingstate.intake.submission.SubmissionReceipt;
import kz.hearingstate.intake.submission.SubmissionService;
import kz.hearingstate.intake.web.IntakeProblems;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.problem.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal's pages with the real browser chain (CSRF, headers), the real category catalogue and messages, and
 * nothing behind them: what a person sees when a form post is forged, wrong, refused or filled in by a bot.
 */
@WebMvcTest(controllers = {PortalController.class, TrackingCodeLinks.class})
@Import({PortalConfiguration.class, PortalErrors.class, CategoryCatalog.class, ClockConfig.class, Open311Refusals.class})
@EnableConfigurationProperties({IntakeProperties.class, PortalProperties.class})
@ActiveProfiles("local")
class PortalControllerSliceTest {

    private static final String TEXT = "Третий день нет воды на улице Абая, 12.";
    private static final String FORM_ID = "0f9d2c1e-aaaa-bbbb-cccc-123456789abc";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SubmissionService submissions;
    @MockitoBean
    PortalAccess access;
    @MockitoBean
    PortalRateLimits rateLimits;
    @MockitoBean
    DepartmentDirectory directory;
    @MockitoBean
    IntakeProblems intakeProblems;
    @MockitoBean
    ChannelRateLimits channelRateLimits;

    @BeforeEach
    void roomInEveryBucket() {
        when(rateLimits.post(any())).thenReturn(new TokenBucket.Decision(true, Duration.ZERO));
        when(rateLimits.lookup(any())).thenReturn(new TokenBucket.Decision(true, Duration.ZERO));
        // The value is the name a department serves the settlement under; the label the page's language.
        when(directory.settlementChoices("kk")).thenReturn(choices("Қарақастек", "Ұзынағаш"));
        when(directory.settlementChoices("ru")).thenReturn(choices("Каракастек", "Узынагаш"));
        when(directory.settlementChoices("en")).thenReturn(choices("Karakastek", "Uzynagash"));
    }

    @Test
    void givenRussianInAcceptLanguage_whenTheFormIsOpened_thenItIsInRussianWithACsrfTokenAndTheSecurityHeaders() throws Exception {
        mvc.perform(get("/portal").header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(content().string(allOf(containsString("<html lang=\"ru\""), containsString("Обращение в акимат"),
                        containsString("name=\"_csrf\""), containsString("Узынагаш"), containsString("Водоснабжение"),
                        containsString("name=\"website\""))));
    }

    private static Map<String, String> choices(String karakastek, String uzynagash) {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("Каракастек", karakastek);
        choices.put("Узынагаш", uzynagash);
        return choices;
    }

    @Test
    void givenTheDirectorysNames_whenTheFormIsOpenedInEachLanguage_thenSettlementsAreNamedInItAndSubmitTheSameValue()
            throws Exception {
        mvc.perform(get("/portal").param("lang", "kk"))
                .andExpect(content().string(containsString("<option value=\"Узынагаш\">Ұзынағаш</option>")));
        mvc.perform(get("/portal").param("lang", "ru"))
                .andExpect(content().string(containsString("<option value=\"Узынагаш\">Узынагаш</option>")));
        mvc.perform(get("/portal").param("lang", "en"))
                .andExpect(content().string(containsString("<option value=\"Узынагаш\">Uzynagash</option>")));
    }

    @Test
    void givenAnEmailsLinkByTrackingCode_whenOpened_thenAPageInTheLanguagePointsToThePrivateLinkAndShowsNothingOfTheAppeal()
            throws Exception {
        String rate = mvc.perform(get("/appeals/ZH-7F3K-2Q9M-A1B2C/feedback").header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"ru\""), containsString("личную ссылку"),
                        not(containsString("ZH-7F3K")), not(containsString("problem")))))
                .andReturn().getResponse().getContentAsString();
        String progressOfNoAppeal = mvc.perform(get("/appeals/nothing-like-a-code").header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(progressOfNoAppeal).as("the same page for any code").isEqualTo(rate);
        mvc.perform(get("/appeals/ZH-7F3K-2Q9M-A1B2C").header("Accept-Language", "kk"))
                .andExpect(content().string(containsString("жеке сілтемеңізді")));
        // A browser set to none of ours: Kazakh, as on the portal; the message's own language when the link names it.
        mvc.perform(get("/appeals/ZH-7F3K-2Q9M-A1B2C").header("Accept-Language", "de"))
                .andExpect(content().string(containsString("<html lang=\"kk\"")));
        mvc.perform(get("/appeals/ZH-7F3K-2Q9M-A1B2C/feedback").param("lang", "ru").header("Accept-Language", "de"))
                .andExpect(content().string(allOf(containsString("<html lang=\"ru\""), containsString("личную ссылку"))));
    }

    @Test
    void givenNoLanguageOfOurs_whenTheFormIsOpened_thenItIsInKazakh_andTheSwitchKeepsTheChoice() throws Exception {
        mvc.perform(get("/portal").header("Accept-Language", "de"))
                .andExpect(content().string(containsString("<html lang=\"kk\"")));
        mvc.perform(get("/portal").param("lang", "en").header("Accept-Language", "ru"))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(header().string("Set-Cookie", containsString("portal-lang=en")));
    }

    @Test
    void givenAnAddressUnderThePortalThatNothingServes_whenABrowserOpensIt_thenThePortalsPageSaysSoInItsLanguage() throws Exception {
        mvc.perform(get("/portal/no/such/page").accept(MediaType.TEXT_HTML).header("Accept-Language", "ru"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("<html lang=\"ru\""), containsString("Такой страницы нет"))));
        mvc.perform(get("/portal/no/such/page").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html lang=\"kk\"")));
        // A client that does not ask for HTML, and any address outside the portal, get the problem document.
        mvc.perform(get("/portal/no/such/page").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/portalx").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void givenALanguageCookieNamingNoneOfOurs_whenAPageIsOpened_thenItIsAsWithoutTheCookieNotAnError() throws Exception {
        for (String forged : new String[] {"de", "xx-YY", "de!"}) {
            mvc.perform(get("/portal").cookie(new jakarta.servlet.http.Cookie("portal-lang", forged)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<html lang=\"kk\"")));
            mvc.perform(get("/portal").cookie(new jakarta.servlet.http.Cookie("portal-lang", forged)).header("Accept-Language", "ru"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<html lang=\"ru\"")));
        }
        // Our language with a time zone that does not exist: the language counts, the zone does not.
        mvc.perform(get("/portal").cookie(new jakarta.servlet.http.Cookie("portal-lang", "ru/Nowhere")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"ru\"")));
    }

    @Test
    void givenNoCsrfToken_whenTheFormIsPosted_thenAPoliteRefusalAndNothingIsSubmitted() throws Exception {
        mvc.perform(post("/portal/appeals").header("Accept-Language", "ru").param("type", "COMPLAINT").param("text", TEXT))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/portal/refused"));
        verifyNoInteractions(submissions);
        // MockMvc does not follow the forward; the page it forwards to:
        mvc.perform(get("/portal/refused").header("Accept-Language", "ru"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Срок действия страницы истёк"),
                        not(containsString("problem")))));
    }

    @Test
    void givenTheAppealFormRefusedForItsToken_whenTheRefusalIsShown_thenTheFormComesBackAsTypedWithAFreshToken()
            throws Exception {
        // What Spring Security's forward of the refused post shows (MockMvc does not follow it).
        String page = mvc.perform(refusedForward("same-origin")).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(page).contains("id=\"refusal\"", "cookie", TEXT, "Айгерим Сапарова",
                "name=\"_csrf\"").doesNotContain("3f2b8a7e-1111-4222-8333-944455556666"); // a new form id: nothing was sent
        org.assertj.core.api.Assertions.assertThat(page).containsPattern("id=\"consent\"(?![^>]*checked)[^>]*>");
        verifyNoInteractions(submissions);
    }

    @Test
    void givenAnAppealFormPostedFromAnotherSite_whenRefusedForItsToken_thenNothingOfItIsShownBack() throws Exception {
        // SameSite=Strict keeps the token's cookie from another site's post: its words must not reach the portal's page.
        for (String site : new String[] {"cross-site", "same-site", "none"}) {
            String page = mvc.perform(refusedForward(site)).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(page).as(site).doesNotContain(TEXT, "Айгерим Сапарова")
                    .contains("Беттің мерзімі өтті");
        }
    }

    /** Spring Security's forward of a refused appeal form, as the browser labelled the post's origin. */
    private static org.springframework.test.web.servlet.RequestBuilder refusedForward(String fetchSite) {
        return post("/portal/refused").with(csrf()).header("Accept-Language", "kk").header("Sec-Fetch-Site", fetchSite)
                .with(request -> {
                    request.setDispatcherType(jakarta.servlet.DispatcherType.FORWARD);
                    request.setAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI, "/portal/appeals");
                    return request;
                })
                .param("type", "COMPLAINT").param("text", TEXT).param("fullName", "Айгерим Сапарова").param("consent", "true")
                .param("formId", "3f2b8a7e-1111-4222-8333-944455556666");
    }

    @Test
    void givenAFieldBreaksIntakesRules_whenPosted_thenTheErrorIsNextToItInThePagesLanguageAndTheInputIsKept() throws Exception {
        when(submissions.submit(eq("citizen-portal"), startsWith("portal-"), any(AppealRequest.class))).thenThrow(
                new ApiException(ProblemType.VALIDATION_FAILED, List.of(FieldViolation.of("citizen.fullName", "required"),
                        FieldViolation.of("citizen", "contact-required"))));
        mvc.perform(appeal("kk").param("fullName", "").param("contact", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"fullName-error\""), containsString("Осы өрісті толтырыңыз."),
                        containsString("id=\"contact-error\""), containsString("электрондық поштаны немесе ұялы телефонды"),
                        containsString(TEXT), containsString("value=\"Узынагаш\" selected"),
                        containsString("aria-invalid=\"true\""))));
    }

    @Test
    void givenTheHoneypotIsFilled_whenPosted_thenAGenericRefusalAndNothingIsSubmitted() throws Exception {
        mvc.perform(appeal("en").param("website", "http://spam.example"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("could not be accepted"), not(containsString("honeypot")))));
        verifyNoInteractions(submissions);
    }

    @Test
    void givenTheAddressUsedUpItsBucket_whenPosted_thenRefusedInItsLanguageWithRetryAfterAndTheInputKept() throws Exception {
        when(rateLimits.post(any())).thenReturn(new TokenBucket.Decision(false, Duration.ofSeconds(90)));
        mvc.perform(appeal("ru"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "90"))
                .andExpect(content().string(allOf(containsString("через 2 мин"), containsString(TEXT))));
        verifyNoInteractions(submissions);
    }

    @Test
    void givenTheAddressUsedUpItsBucket_whenAReplyIsPosted_thenRefusedInItsLanguageWithTheReplyGivenBackAndNoFalsePromise()
            throws Exception {
        when(rateLimits.post(any())).thenReturn(new TokenBucket.Decision(false, Duration.ofSeconds(90)));
        String reply = "Фото счётчика прилагаю, дом 7.";
        mvc.perform(post("/portal/a/secret-token/reply").with(csrf()).header("Accept-Language", "ru").param("text", reply))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "90"))
                .andExpect(content().string(allOf(containsString("через 2 мин"), containsString(reply),
                        containsString("Ваш текст, чтобы отправить его снова"), not(containsString("сохранено ниже")))));
        verifyNoInteractions(access);
        when(rateLimits.lookup(any())).thenReturn(new TokenBucket.Decision(false, Duration.ofSeconds(30)));
        mvc.perform(get("/portal/a/secret-token").header("Accept-Language", "ru"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(allOf(containsString("через 1 мин"), not(containsString("сохранено ниже")),
                        not(containsString("id=\"kept\"")))));
    }

    @Test
    void givenAReplyAlreadySent_whenADifferentOneIsPostedFromAStaleTab_thenItSaysSoAndGivesTheTextBack() throws Exception {
        Instant at = Instant.parse("2026-12-01T05:00:00Z");
        AppealStatusView replied = new AppealStatusView("a-1", "ZH-7F3K-2Q9M-A1B2C", "web", null, AppealStatus.INFO_REQUESTED,
                false, 3, "education", at, at, at.plusSeconds(86_400 * 21), null, at, null, null, null, 3L, 3L, "digest", null,
                null, "hash", false, List.of());
        when(access.open("secret-token")).thenReturn(replied);
        org.mockito.Mockito.doThrow(new ApiException(ProblemType.APPEAL_STATE_CONFLICT)).when(access).reply(eq("secret-token"), any());
        String more = "И ещё: счётчик в подвале.";

        // A department the directory has not named to intake: no contacts below, so the way to add is a new appeal.
        mvc.perform(post("/portal/a/secret-token/reply").with(csrf()).header("Accept-Language", "ru").param("text", more))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Ваш ответ на этот запрос уже отправлен"), containsString(more),
                        not(containsString("id=\"reply-text\"")), not(containsString("контакты ниже")),
                        containsString("отправьте новое обращение и укажите в нём номер этого: ZH-7F3K-2Q9M-A1B2C"),
                        containsString("Ответственный отдел"), not(containsString(">education<")))));

        when(directory.findIncludingDeleted("education")).thenReturn(Optional.of(new DepartmentRecord("education", 1,
                Map.of("ru", "Отдел образования"), "+7 727 000 00 00", null, null, null, List.of(), false, false)));
        mvc.perform(post("/portal/a/secret-token/reply").with(csrf()).header("Accept-Language", "ru").param("text", more))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("позвоните или напишите в отдел: его контакты ниже"),
                        containsString("+7 727 000 00 00"), containsString("Отдел образования"))));

        // Deleted since: named still, but its contacts (perhaps gone with it) are neither shown nor pointed to.
        when(directory.findIncludingDeleted("education")).thenReturn(Optional.of(new DepartmentRecord("education", 2,
                Map.of("ru", "Отдел образования"), "+7 727 000 00 00", null, null, null, List.of(), false, true)));
        mvc.perform(post("/portal/a/secret-token/reply").with(csrf()).header("Accept-Language", "ru").param("text", more))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Отдел образования"), not(containsString("+7 727 000 00 00")),
                        containsString("отправьте новое обращение"))));
    }

    @Test
    void givenAValidForm_whenPosted_thenTheTrackingCodeAndThePrivateLinkAreShown() throws Exception {
        SubmissionReceipt receipt = new SubmissionReceipt("a-1", "ZH-7K3M-9QXA-2DRBK", AppealStatus.SUBMITTED,
                Instant.parse("2026-12-03T05:00:00Z"), Instant.parse("2026-12-03T05:00:00Z"),
                Instant.parse("2026-12-24T13:00:00Z"), "7k3m9qxa2drbk0p4c8w6h1n5", false);
        when(submissions.submit(eq("citizen-portal"), startsWith("portal-"), any(AppealRequest.class))).thenReturn(receipt);
        when(access.tokenOf(receipt)).thenReturn("secret-token");
        mvc.perform(appeal("kk"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(allOf(containsString("ZH-7K3M-9QXA-2DRBK"),
                        containsString("http://localhost/portal/a/secret-token"), containsString("2026 жылғы 24 желтоқсан"))));
        verify(submissions).submit(eq("citizen-portal"), eq("portal-" + FORM_ID), any(AppealRequest.class));
    }

    @Test
    void givenIntakeOverloaded_whenAFormIsPosted_thenTheFormComesBackWithTheTextAndANewFormIdForTheNextTry() throws Exception {
        refuseSubmissions(ProblemType.OVERLOADED, Duration.ofSeconds(1));
        mvc.perform(appeal("en"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().string(allOf(containsString("nothing was sent"), containsString(TEXT),
                        containsString("name=\"formId\""), not(containsString(FORM_ID)))));
    }

    @Test
    void givenAnEarlierTryKafkaNeverConfirmed_whenTheFormIsSentAgainWithOtherText_thenItSaysSoAndGivesANewFormId() throws Exception {
        refuseSubmissions(ProblemType.IDEMPOTENCY_KEY_REUSED, null);
        when(submissions.isKnownAccepted("citizen-portal", "portal-" + FORM_ID)).thenReturn(false);
        mvc.perform(appeal("en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("could not confirm that your earlier try"), containsString(TEXT),
                        containsString("name=\"formId\""), not(containsString(FORM_ID)), not(containsString("already sent")))));

        // Taken the first time: the form was sent, and this is other content under its id.
        when(submissions.isKnownAccepted("citizen-portal", "portal-" + FORM_ID)).thenReturn(true);
        mvc.perform(appeal("en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("already sent with other content"), not(containsString("could not confirm")))));
    }

    @Test
    void givenKafkaUnavailable_whenAFormIsPosted_thenTheFormComesBackWithTheSameFormIdSoARetryCannotSendItTwice() throws Exception {
        refuseSubmissions(ProblemType.BROKER_UNAVAILABLE, Duration.ofSeconds(5));
        mvc.perform(appeal("en"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString(TEXT), containsString("value=\"" + FORM_ID + "\""))));
    }

    private void refuseSubmissions(ProblemType refusal, Duration retryAfter) {
        when(submissions.submit(eq("citizen-portal"), startsWith("portal-"), any(AppealRequest.class)))
                .thenThrow(ApiException.retryLater(refusal, retryAfter));
    }

    private static MockHttpServletRequestBuilder appeal(String language) {
        return post("/portal/appeals").with(csrf()).header("Accept-Language", language)
                .param("formId", FORM_ID)
                .param("type", "COMPLAINT").param("text", TEXT).param("settlement", "Узынагаш")
                .param("fullName", "Айгерим Сапарова").param("contact", "aigerim@example.kz")
                .param("preferredContact", "EMAIL").param("language", "ru").param("consent", "true").param("website", "");
    }
}
