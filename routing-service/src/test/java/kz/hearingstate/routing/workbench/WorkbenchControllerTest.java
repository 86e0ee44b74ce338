package kz.hearingstate.routing.workbench;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(controllers = WorkbenchController.class)
class WorkbenchControllerTest extends WorkbenchSliceTest {

    @Test
    void givenNoSession_whenAPageIsOpened_thenTheLoginPageIsShown() throws Exception {
        mvc.perform(get("/workbench/inbox")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/workbench/login"));
    }

    @Test
    void givenNoSession_whenHtmxPolls_thenItIsToldToReloadTheLoginPageInsteadOfSwappingIt() throws Exception {
        mvc.perform(get("/workbench/inbox/rows").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/workbench/login"));
    }

    @Test
    void givenASignedInUser_whenAnAddressUnderTheWorkbenchThatNothingServesIsOpened_thenTheWorkbenchsNotFoundPage() throws Exception {
        mvc.perform(get("/workbench/no/such/page").accept(org.springframework.http.MediaType.TEXT_HTML)
                        .header("Accept-Language", "kk").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("data-testid=\"not-found\"")))
                .andExpect(content().string(containsString("lang=\"kk\"")))
                .andExpect(content().string(containsString("specialist"))); // the header names who is signed in
        mvc.perform(get("/workbench/no/such/page").accept(org.springframework.http.MediaType.APPLICATION_JSON)
                        .with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void givenTheLoginPage_whenOpenedInKazakh_thenItIsKazakhWithTheStrictHeadersAndNoInlineCode() throws Exception {
        mvc.perform(get("/workbench/login").header("Accept-Language", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"kk\"")))
                .andExpect(content().string(containsString("Құпиясөз")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("style="))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("https://"))))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void givenALanguageChosen_whenTheNextPageIsOpened_thenTheChoiceIsKeptInACookie() throws Exception {
        mvc.perform(get("/workbench/login").param("lang", "ru").header("Accept-Language", "en"))
                .andExpect(cookie().value(WorkbenchWeb.COOKIE, "ru"))
                .andExpect(content().string(containsString("lang=\"ru\"")));
        mvc.perform(get("/workbench/login").cookie(new jakarta.servlet.http.Cookie(WorkbenchWeb.COOKIE, "ru")))
                .andExpect(content().string(containsString("Пароль")));
    }

    @Test
    void givenTheDemoAccount_whenItSignsInWithTheRightPassword_thenItIsSignedIn() throws Exception {
        mvc.perform(formLogin("/workbench/login").user("education").password("education-demo"))
                .andExpect(authenticated().withUsername("education"))
                .andExpect(redirectedUrl("/workbench"));
    }

    @Test
    void givenTheDemoAccount_whenTheWrongPasswordIsSent_thenItIsRefused() throws Exception {
        mvc.perform(formLogin("/workbench/login").user("education").password("wrong"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/workbench/login?error"));
    }

    @Test
    void givenALoginFormWithoutTheCsrfToken_whenPosted_thenItIsRefused() throws Exception {
        mvc.perform(post("/workbench/login").param("username", "education").param("password", "education-demo"))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
    }

    @Test
    void givenALogoutWithoutTheCsrfToken_whenPosted_thenItIsRefused() throws Exception {
        mvc.perform(post("/workbench/logout").with(as(StaffRole.SPECIALIST, "education")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workbench/logout").with(as(StaffRole.SPECIALIST, "education")).with(csrf()))
                .andExpect(redirectedUrl("/workbench/login?logout"));
    }

    @Test
    void givenEachRole_whenTheStartIsOpened_thenItGoesToItsOwnScreen() throws Exception {
        mvc.perform(get("/workbench").with(as(StaffRole.SPECIALIST, "education"))).andExpect(redirectedUrl("/workbench/inbox"));
        mvc.perform(get("/workbench").with(as(StaffRole.ANTI_CORRUPTION, null))).andExpect(redirectedUrl("/workbench/inbox"));
        mvc.perform(get("/workbench").with(as(StaffRole.TRIAGE, null))).andExpect(redirectedUrl("/workbench/triage"));
        mvc.perform(get("/workbench").with(as(StaffRole.AKIM_OFFICE, null))).andExpect(redirectedUrl("/workbench/office"));
    }

    @Test
    void givenASignedInStaffMember_whenTheApiIsCalledWithTheSessionOnly_thenTheApiStillWantsItsKey() throws Exception {
        // The workbench chain matches /workbench/** only: no session authenticates the API, and it never
        // answers an API call with a login page.
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        formLogin("/workbench/login").user("akim").password("akim-demo"))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        mvc.perform(get("/workbench").session(session)).andExpect(redirectedUrl("/workbench/office"));
        mvc.perform(get("/api/v1/appeals/at-risk").session(session))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("ApiKey")));
    }

    @Test
    void givenTheSessionEndedPage_whenAFormOfTheWorkbenchIsForwardedThere_thenWhatWasTypedComesBackEscaped() throws Exception {
        String page = mvc.perform(sessionEnded("same-origin", true)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).contains("Ничего не сохранено", "Ответ &lt;b&gt;готов&lt;/b&gt;</textarea>")
                .doesNotContain("<b>готов", "unsaved-1");
    }

    @Test
    void givenAPostFromAnotherSiteOrALink_whenTheSessionEndedPageShows_thenNoneOfItsTextIsShown() throws Exception {
        // Another site's words on the workbench, for staff to paste into an answer: never.
        for (MockHttpServletRequestBuilder request : java.util.List.of(sessionEnded("cross-site", true),
                sessionEnded("same-site", true), sessionEnded("same-origin", false))) {
            String page = mvc.perform(request).andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(page).contains("Ничего не сохранено").doesNotContain("готов", "unsaved-0");
        }
    }

    private MockHttpServletRequestBuilder sessionEnded(String fetchSite, boolean forwarded) {
        return post("/workbench/session-ended").with(as(StaffRole.SPECIALIST, "education")).with(csrf())
                .header("Accept-Language", "ru").header("Sec-Fetch-Site", fetchSite)
                .with(request -> {
                    request.setDispatcherType(forwarded ? jakarta.servlet.DispatcherType.FORWARD : jakarta.servlet.DispatcherType.REQUEST);
                    return request;
                })
                .param("action", "ANSWER").param("answer", "Ответ <b>готов</b>").param("reason", " ");
    }
}
