package kz.hearingstate.notification.operator;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.delivery.Notification;
import kz.hearingstate.notification.delivery.NotificationStatus;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.notification.delivery.RecipientRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(NotificationQueryController.class)
@EnableConfigurationProperties(NotificationProperties.class)
// The operator's key "slice-key", as its hash; appeal-web's API chain checks it before the controller runs.
@TestPropertySource(properties = "hearing.web.security.keys.operator.operator=80ddec64c0f07d4d2a077d3e5a5c7d00a9fb0edd8c7a2ea6c02dc25eae3f6561")
@Import(OperatorAccess.class)
class NotificationQueryControllerTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private NotificationStore store;

    @Test
    void givenValidKey_whenListing_thenMaskedRecipientAndOutcomeAreShownButNeverTheAddress() throws Exception {
        Instant at = Instant.parse("2026-11-27T06:00:01Z");
        when(store.forAppeal("ap-1")).thenReturn(List.of(new Notification("n-1", "ap-1", "ZH-1", "ap-1:submitted",
                "appeal-registered", RecipientRole.CITIZEN, ContactChannel.SMS, "+77011234567", "+7 *** *** ** 67", "web",
                null, Language.kk, "Subject", "Follow it at https://e-otinish.kz/portal/a/k3v9x2m7q4w8z1c6b5n0p2r7",
                NotificationStatus.FAILED, 5, null, at, at, null, "SMS gateway answered HTTP 503",
                null, true, false, null)));

        mvc.perform(get("/api/v1/notifications").param("appealId", "ap-1").header("X-Api-Key", "slice-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].recipient").value("+7 *** *** ** 67"))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].attempts").value(5))
                .andExpect(jsonPath("$[0].lastError").value("SMS gateway answered HTTP 503"))
                .andExpect(jsonPath("$[0].address").doesNotExist())
                // The private link lets its holder act for the citizen: an operator reads that it went, not its secret.
                .andExpect(jsonPath("$[0].body").value("Follow it at https://e-otinish.kz/portal/a/***"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("k3v9x2m7q4w8z1c6b5n0p2r7"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("7011234567"))));
    }

    @Test
    void givenNoAppealId_whenListing_thenProblemJson400NamingTheField() throws Exception {
        mvc.perform(get("/api/v1/notifications").header("X-Api-Key", "slice-key"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hearingstate.kz/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("appealId"));
    }

    @Test
    void givenWrongKey_whenListing_thenProblemJson401AndTheStoreIsNotRead() throws Exception {
        mvc.perform(get("/api/v1/notifications").param("appealId", "ap-1").header("X-Api-Key", "wrong"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hearingstate.kz/problems/unauthenticated"));
        org.mockito.Mockito.verifyNoInteractions(store);
    }

    @Test
    void givenNoKey_whenListingOrReadingTheMailbox_thenProblemJson401() throws Exception {
        mvc.perform(get("/api/v1/notifications").param("appealId", "ap-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://hearingstate.kz/problems/unauthenticated"));
        mvc.perform(get("/api/v1/dev/mailbox"))
                .andExpect(status().isUnauthorized());
        org.mockito.Mockito.verifyNoInteractions(store);
    }
}
