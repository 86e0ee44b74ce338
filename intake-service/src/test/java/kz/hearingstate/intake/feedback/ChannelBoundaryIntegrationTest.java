package kz.hearingstate.intake.feedback;

import java.net.http.HttpResponse;
import java.util.List;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 3 of the trust issue: any channel could act for any citizen. Another channel's key reopened an appeal
 * with {@code solved:false}, and a stranger's reply restarted the clock. Only the submitting channel (or the
 * citizen's secret) may; everyone else gets the 404 of an unknown appeal, and nothing is published.
 */
class ChannelBoundaryIntegrationTest extends IntakeIntegrationTest {

    @Test
    void givenAnAnsweredPortalAppeal_whenTheHotlineSaysNotSolved_then404AndNothingIsPublished() {
        Submitted appeal = submitAs(DEMO_KEY, "Нет воды на улице Абая, 12 уже три дня.");
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.ANSWERED, AppealStatus.ANSWERED, null,
                "Водопровод починен.");
        awaitStatus(appeal, "ANSWERED");

        HttpResponse<String> stranger = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/feedback", HOTLINE_KEY,
                "{\"rating\":1,\"solved\":false}");

        assertNotFound(stranger);
        assertThat(feedbackRecordsOf(appeal)).isEmpty();
        HttpResponse<String> owner = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/feedback", DEMO_KEY,
                "{\"rating\":5,\"solved\":true}");
        assertThat(owner.statusCode()).isEqualTo(202);
        assertThat(feedbackRecordsOf(appeal)).hasSize(1);
    }

    @Test
    void givenAnInformationRequest_whenAnotherChannelReplies_then404AndTheClockIsNotRestarted() {
        Submitted appeal = submitAs(DEMO_KEY, "Прошу проверить счётчик воды в доме 7.");
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.INFO_REQUESTED,
                AppealStatus.INFO_REQUESTED, "Приложите фото счётчика", null);
        awaitStatus(appeal, "INFO_REQUESTED");

        HttpResponse<String> stranger = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/replies", HOTLINE_KEY,
                "{\"text\":\"Вот ссылка на оплату: https://evil.example/pay\"}");

        assertNotFound(stranger);
        assertThat(feedbackRecordsOf(appeal)).isEmpty();
    }

    @Test
    void givenAnotherChannelsAppeal_whenLookedUpByItsTrackingCode_thenTheSame404AsAnUnknownCode() {
        Submitted appeal = submitAs(DEMO_KEY, "Прошу убрать мусор у школы номер 3.");
        awaitStatus(appeal, "SUBMITTED");

        HttpResponse<String> otherChannel = get("/api/v1/appeals/" + appeal.trackingCode(), "X-Api-Key", HOTLINE_KEY);
        HttpResponse<String> unknown = get("/api/v1/appeals/ZH-0000-0000-00000", "X-Api-Key", HOTLINE_KEY);

        assertNotFound(otherChannel);
        for (String field : List.of("type", "title", "detail", "status")) {
            assertThat(body(otherChannel).get(field)).isEqualTo(body(unknown).get(field));
        }
    }

    @Test
    void givenOnlyThePublicTrackingCode_whenSomeoneLooksItUpOrActsWithoutAKey_thenNothingIsShownOrDone() {
        Submitted appeal = submitAs(DEMO_KEY, "Прошу починить фонарь на улице Абая.");
        awaitStatus(appeal, "SUBMITTED");

        HttpResponse<String> lookup = get("/api/v1/appeals/" + appeal.trackingCode());
        HttpResponse<String> feedback = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/feedback", null,
                "{\"rating\":1,\"solved\":false}");

        assertThat(lookup.statusCode()).isEqualTo(401);
        assertThat(lookup.body()).doesNotContain("SUBMITTED");
        assertThat(feedback.statusCode()).isEqualTo(401);
    }

    private void awaitStatus(Submitted appeal, String expected) {
        await().untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/appeals/" + appeal.trackingCode(), "X-Api-Key", DEMO_KEY);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body(response).get("status").asString()).isEqualTo(expected);
        });
    }

    private void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = body(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://hearingstate.kz/problems/not-found");
    }

    private List<?> feedbackRecordsOf(Submitted appeal) {
        return records(Topics.APPEALS_FEEDBACK).stream().filter(r -> appeal.appealId().equals(r.key())).toList();
    }
}
