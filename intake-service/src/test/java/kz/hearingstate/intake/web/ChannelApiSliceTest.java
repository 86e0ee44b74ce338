package kz.hearingstate.intake.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.intake.channel.ChannelRateLimits;
import kz.hearingstate.intake.channel.TokenBucket;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.feedback.CitizenResponseController;
import kz.hearingstate.intake.feedback.CitizenResponseService;
import kz.hearingstate.intake.open311.Open311Refusals;
import kz.hearingstate.intake.status.AppealLookup;
import kz.hearingstate.intake.status.AppealStatusController;
import kz.hearingstate.intake.submission.SubmissionController;
import kz.hearingstate.intake.submission.SubmissionReceipt;
import kz.hearingstate.intake.submission.SubmissionService;
import kz.hearingstate.web.problem.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The channel API's controllers with the shared edge (appeal-web's API-key chain, problems, strict JSON) and
 * nothing behind them: who gets in, and that a refused request is refused before its body is read.
 */
@WebMvcTest(controllers = {SubmissionController.class, CitizenResponseController.class, AppealStatusController.class})
@Import(Open311Refusals.class)
@EnableConfigurationProperties(IntakeProperties.class)
@ActiveProfiles("local") // the demo channels' keys
class ChannelApiSliceTest {

    static final String PROBLEMS = "https://hearingstate.kz/problems/";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SubmissionService submissions;
    @MockitoBean
    CitizenResponseService responses;
    @MockitoBean
    AppealLookup lookup;
    @MockitoBean
    ChannelRateLimits rateLimits;

    @BeforeEach
    void roomInEveryBucket() {
        when(rateLimits.tryAcquire(any())).thenReturn(new TokenBucket.Decision(true, null));
        when(rateLimits.tryAcquireForAddress(any())).thenReturn(new TokenBucket.Decision(true, null));
    }

    @Test
    void givenNoKey_whenSubmitting_thenUnauthenticatedAndNothingIsSubmitted() throws Exception {
        mvc.perform(post("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"COMPLAINT\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthenticated"));
        verifyNoInteractions(submissions, rateLimits);
    }

    @Test
    void givenNoKey_whenSubmittingABrokenBody_thenUnauthenticatedNotMalformed() throws Exception {
        mvc.perform(post("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"COMPL"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthenticated"));
    }

    @Test
    void givenAWrongKey_whenSubmitting_thenUnauthenticated() throws Exception {
        mvc.perform(post("/api/v1/appeals").header("X-Api-Key", "demo-portal-key ").contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(submissions);
    }

    @Test
    void givenTheHotlineDemoKey_whenSubmitting_thenTheAppealIsTheHotlines() throws Exception {
        Instant now = Instant.parse("2026-12-03T05:00:00Z");
        when(submissions.submit(eq("hotline"), isNull(), any())).thenReturn(new SubmissionReceipt("a-1",
                "ZH-0000-0000-00000", AppealStatus.SUBMITTED, now, now, now, "7k3m9qxa2drbk0p4c8w6h1n5", false));
        mvc.perform(post("/api/v1/appeals").header("X-Api-Key", "demo-hotline-key").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"COMPLAINT\",\"text\":\"No water on Abai street for three days.\",\"anonymous\":true}"))
                .andExpect(status().isAccepted());
        verify(submissions).submit(eq("hotline"), isNull(), any());
        verify(rateLimits).tryAcquire("hotline");
    }

    @Test
    void givenAKey_whenTheBodyHasAnUnknownField_thenValidationFailedNamingIt() throws Exception {
        mvc.perform(post("/api/v1/appeals").header("X-Api-Key", "demo-portal-key").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"COMPLAINT\",\"channel\":\"akimat\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        verifyNoInteractions(submissions);
    }

    @Test
    void givenNoKey_whenGivingFeedbackOrReplying_thenUnauthenticated() throws Exception {
        mvc.perform(post("/api/v1/appeals/ZH-0000-0000-00000/feedback").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":1,\"solved\":false}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/appeals/ZH-0000-0000-00000/replies").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"here it is\"}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(responses);
    }

    @Test
    void givenNoKey_whenLookingUpAStatusByTrackingCode_thenUnauthenticatedAndNothingIsLookedUp() throws Exception {
        mvc.perform(get("/api/v1/appeals/ZH-0000-0000-00000"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "unauthenticated"));
        verifyNoInteractions(lookup);
    }

    @Test
    void givenNoKey_whenLookingUpAStatusByTheCitizensSecret_thenTheLookupAnswersAndNoStoreIsSent() throws Exception {
        when(lookup.bySecret("0000000000000000000000zz")).thenThrow(ApiException.notFound());
        mvc.perform(get("/api/v1/appeals/access/0000000000000000000000zz"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
        verify(rateLimits).tryAcquireForAddress(any());
    }

    @Test
    void givenTheSecretLinksPathSpelledOtherwiseOrAChannelKey_whenLookedUp_thenTheAddressesBucketIsTakenAllTheSame() throws Exception {
        when(lookup.bySecret("0000000000000000000000zz")).thenThrow(ApiException.notFound());
        when(rateLimits.tryAcquireForAddress(any())).thenReturn(new TokenBucket.Decision(false, java.time.Duration.ofSeconds(2)));
        // Percent-encoded letters are routed as the letters: the limit is the route's, not the raw URI's.
        // (A URI, as sent: a template would encode the % itself.)
        mvc.perform(get(java.net.URI.create("/api/v1/appeals/%61ccess/0000000000000000000000zz")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "2"));
        // A channel key on a secret link is no way around the address's bucket either.
        mvc.perform(get("/api/v1/appeals/access/0000000000000000000000zz").header("X-Api-Key", "demo-hotline-key"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post(java.net.URI.create("/api/v1/appeals/%61ccess/0000000000000000000000zz/replies")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"here it is\"}"))
                .andExpect(status().isTooManyRequests());
        verifyNoInteractions(lookup, responses);
    }

    @Test
    void givenNoKey_whenTheCitizenRepliesWithTheSecret_thenTheSecretDecidesNotAKey() throws Exception {
        when(lookup.bySecret("0000000000000000000000zz")).thenThrow(ApiException.notFound());
        mvc.perform(post("/api/v1/appeals/access/0000000000000000000000zz/replies").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"here it is\"}"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(responses);
    }
}
