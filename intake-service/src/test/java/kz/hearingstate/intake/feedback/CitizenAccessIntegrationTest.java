package kz.hearingstate.intake.feedback;

import java.net.http.HttpResponse;
import java.util.List;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.status.AppealStatusView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The citizen's own access: the 202's statusUrl opens the appeal with no key at all, and the same secret link
 * takes replies and feedback. Nothing lists the secret; intake stores only its hash; lookups are limited per
 * client address.
 */
class CitizenAccessIntegrationTest extends IntakeIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenThe202_whenTheSubmitterOpensItsStatusUrlWithoutAnyKey_thenTheAppealShowsAndNoCacheMayKeepIt() {
        Submitted appeal = submitAs(DEMO_KEY, "Нет воды на улице Абая, 12 уже три дня.");
        String citizen = someCitizenAddress();

        await().untilAsserted(() -> assertThat(get(appeal.statusUrl(), CLIENT_ADDRESS, citizen).statusCode()).isEqualTo(200));
        HttpResponse<String> status = get(appeal.statusUrl(), CLIENT_ADDRESS, citizen);

        assertThat(body(status).get("trackingCode").asString()).isEqualTo(appeal.trackingCode());
        assertThat(body(status).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(status.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(status.body()).doesNotContain("Айгерим", "+77011234567", secretOf(appeal));
    }

    @Test
    void givenTheSecretLink_whenTheCitizenRepliesAndThenRatesTheAnswer_thenBothGoOutWithoutAChannelKey() {
        Submitted appeal = submitAs(DEMO_KEY, "Прошу проверить счётчик воды в доме 7.");
        String citizen = someCitizenAddress();
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.INFO_REQUESTED,
                AppealStatus.INFO_REQUESTED, "Приложите фото счётчика", null);
        awaitStatus(appeal, citizen, "INFO_REQUESTED");

        String replyBody = "{\"text\":\"Фото прилагаю.\",\"attachments\":[{\"url\":\"https://files.example.kz/meter.jpg\"}]}";
        HttpResponse<String> reply = postJson(appeal.statusUrl() + "/replies", null, replyBody, CLIENT_ADDRESS, citizen);
        // The same reply again (a retry after a lost answer; from another address, this test's bucket being spent):
        // taken again under the same id, routing keeping it once.
        HttpResponse<String> retried = postJson(appeal.statusUrl() + "/replies", null, "{\"text\":\"  Фото прилагаю. \","
                + "\"attachments\":[{\"url\":\"https://files.example.kz/meter.jpg\"}]}", CLIENT_ADDRESS, someCitizenAddress());
        // Before routing's next event reaches the view, a second reply to the same request would carry the same id and be
        // dropped by routing: it is refused, not thanked for.
        HttpResponse<String> secondReply = postJson(appeal.statusUrl() + "/replies", null, "{\"text\":\"И ещё одно фото.\"}",
                CLIENT_ADDRESS, citizen);
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, null,
                "Счётчик заменён.");
        awaitStatus(appeal, citizen, "ANSWERED");
        HttpResponse<String> tooLong = postJson(appeal.statusUrl() + "/feedback", null,
                "{\"rating\":2,\"solved\":false,\"comment\":\"" + "ы".repeat(2001) + "\"}", CLIENT_ADDRESS, citizen);
        HttpResponse<String> feedback = postJson(appeal.statusUrl() + "/feedback", null,
                "{\"rating\":2,\"solved\":false,\"comment\":\"  Счётчик снова течёт.  \"}", CLIENT_ADDRESS, citizen);
        HttpResponse<String> secondRating = postJson(appeal.statusUrl() + "/feedback", null,
                "{\"rating\":5,\"solved\":true}", CLIENT_ADDRESS, citizen);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(body(retried).get("replyId")).isEqualTo(body(reply).get("replyId"));
        assertThat(secondReply.statusCode()).as(secondReply.body()).isEqualTo(409);
        assertThat(secondRating.statusCode()).as(secondRating.body()).isEqualTo(409);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(body(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(202);
        List<ConsumerRecord<String, byte[]>> sent = records(Topics.APPEALS_FEEDBACK).stream()
                .filter(r -> appeal.appealId().equals(r.key())).toList();
        assertThat(sent).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.CITIZEN_REPLIED, EventTypes.CITIZEN_REPLIED, EventTypes.APPEAL_FEEDBACK);
        assertThat(json.readTree(sent.getLast().value()).get("comment").asString()).isEqualTo("Счётчик снова течёт.");
    }

    @Test
    void givenManyLookupsFromOneAddress_whenItsBucketIsEmpty_then429WithRetryAfterWhileAnotherAddressIsServed() {
        Submitted appeal = submitAs(DEMO_KEY, "Прошу убрать мусор у школы номер 3.");
        String busy = someCitizenAddress();
        await().untilAsserted(() -> assertThat(get(appeal.statusUrl(), CLIENT_ADDRESS, someCitizenAddress()).statusCode())
                .isEqualTo(200));

        List<Integer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(get(appeal.statusUrl(), CLIENT_ADDRESS, busy).statusCode());
        }
        HttpResponse<String> limited = get("/api/v1/appeals/access/0000000000000000000000zz", CLIENT_ADDRESS, busy);

        assertThat(answers).containsExactly(200, 200, 200, 200, 200, 429);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(body(limited).get("type").asString()).isEqualTo("https://hearingstate.kz/problems/rate-limited");
        assertThat(get(appeal.statusUrl(), CLIENT_ADDRESS, someCitizenAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void givenANamedAndAnAnonymousAppeal_whenPublished_thenOnlyTheNamedOnesEventCarriesTheSecretAndIntakeStoresOnlyAHash() {
        Submitted named = submitAs(DEMO_KEY, "Прошу починить фонарь на улице Абая.");
        HttpResponse<String> anonymous = postJson("/api/v1/appeals", DEMO_KEY,
                "{\"type\":\"REPORT\",\"text\":\"Взятку требуют в отделе земельных отношений.\",\"anonymous\":true}");
        String anonymousId = body(anonymous).get("appealId").asString();

        JsonNode namedEvent = json.readTree(submittedRecordsOf(named.appealId()).getFirst().value());
        JsonNode anonymousEvent = json.readTree(submittedRecordsOf(anonymousId).getFirst().value());
        assertThat(namedEvent.get("accessSecret").asString()).isEqualTo(secretOf(named));
        assertThat(anonymousEvent.path("accessSecret").isNull() || anonymousEvent.path("accessSecret").isMissingNode()).isTrue();
        assertThat(body(anonymous).get("accessSecret").asString()).hasSize(24);
        await().untilAsserted(() -> assertThat(mongo.findById(named.appealId(), AppealStatusView.class)).isNotNull());
        Document stored = mongo.getCollection(AppealStatusView.COLLECTION).find(new Document("_id", named.appealId())).first();
        assertThat(stored.toJson()).doesNotContain(secretOf(named));
        assertThat(stored.getString("accessHash")).hasSize(64);
    }

    private static String secretOf(Submitted appeal) {
        return appeal.statusUrl().substring(appeal.statusUrl().lastIndexOf('/') + 1);
    }

    private void awaitStatus(Submitted appeal, String citizen, String expected) {
        await().untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/appeals/" + appeal.trackingCode(), "X-Api-Key", DEMO_KEY);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body(response).get("status").asString()).isEqualTo(expected);
        });
    }
}
