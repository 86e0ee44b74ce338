package kz.hearingstate.intake.submission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.messaging.EventSchemas;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubmissionIntegrationTest extends IntakeIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenAValidAppeal_whenSubmitted_thenItIsAcceptedOnlyWithItsEventOnKafka() {
        HttpResponse<String> response = postJson("/api/v1/appeals", DEMO_KEY, validAppeal("Третий день нет воды на улице Абая, 12."));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = body(response);
        String appealId = receipt.get("appealId").asString();
        String trackingCode = receipt.get("trackingCode").asString();
        assertThat(trackingCode).matches("ZH-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(receipt.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(receipt.get("statusUrl").asString()).isEqualTo("/api/v1/appeals/" + trackingCode);
        assertThat(response.headers().firstValue("Location")).contains(uri("/api/v1/appeals/" + trackingCode).toString());

        Instant receivedAt = Instant.parse(receipt.get("receivedAt").asString());
        Instant registeredAt = Instant.parse(receipt.get("registeredAt").asString());
        LegalClock legalClock = LegalClock.kazakhstan();
        assertThat(registeredAt).isEqualTo(legalClock.registeredAt(receivedAt));
        assertThat(Instant.parse(receipt.get("deadline").asString())).isEqualTo(legalClock.deadline(registeredAt, 15));

        List<ConsumerRecord<String, byte[]>> records = submittedRecordsOf(appealId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.APPEAL_SUBMITTED);
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(appealId);
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(appealId);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/intake-service");
        JsonNode event = json.readTree(record.value());
        assertThat(EventSchemas.violations(EventTypes.APPEAL_SUBMITTED, event)).isEmpty();
        assertThat(event.get("channel").asString()).isEqualTo("demo-portal");
        assertThat(event.get("trackingCode").asString()).isEqualTo(trackingCode);
        assertThat(event.get("citizen").get("iin").asString()).isEqualTo("900101400003");
        assertThat(Instant.parse(event.get("receivedAt").asString())).isEqualTo(receivedAt);
        assertThat(event.get("language").asString()).isEqualTo("ru");
        assertThat(event.get("languageDetected").asBoolean()).isTrue();
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameAppealIsRetried_thenTheSameAppealIsReturnedAndNothingNewIsPublished() {
        String key = UUID.randomUUID().toString();
        String appeal = validAppeal("Прошу отремонтировать дорогу на улице Жибек жолы.");
        JsonNode first = body(postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key));
        HttpResponse<String> retry = postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key);

        assertThat(retry.statusCode()).isEqualTo(202);
        JsonNode second = body(retry);
        assertThat(second.get("appealId")).isEqualTo(first.get("appealId"));
        assertThat(second.get("trackingCode")).isEqualTo(first.get("trackingCode"));
        assertThat(second.get("receivedAt")).isEqualTo(first.get("receivedAt"));
        assertThat(second.get("registeredAt")).isEqualTo(first.get("registeredAt"));
        assertThat(submittedRecordsOf(first.get("appealId").asString())).hasSize(1);
    }

    @Test
    void givenAnIdempotencyKey_whenRetriedAfterARestartThatLostTheView_thenTheSameIdsAreRepublishedUnderTheSameEventId() {
        String key = UUID.randomUUID().toString();
        String appeal = validAppeal("Не вывозят мусор с улицы Сатпаева уже две недели.");
        JsonNode first = body(postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key));
        String appealId = first.get("appealId").asString();
        // What a restart before the projection caught up looks like: intake knows nothing of the appeal.
        await().untilAsserted(() -> assertThat(mongo.findById(appealId, AppealStatusView.class)).isNotNull());
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(appealId)), AppealStatusView.class);

        JsonNode retry = body(postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key));

        assertThat(retry.get("appealId").asString()).isEqualTo(appealId);
        assertThat(retry.get("trackingCode")).isEqualTo(first.get("trackingCode"));
        List<ConsumerRecord<String, byte[]>> records = submittedRecordsOf(appealId);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(r -> assertThat(header(r, CloudEventHeaders.ID)).isEqualTo(appealId));
    }

    @Test
    void givenTheSameIdempotencyKeyFromTwoChannels_whenSubmitted_thenTheyAreTwoAppeals() {
        String key = UUID.randomUUID().toString();
        String appeal = validAppeal("Прошу установить фонари на улице Абая.");
        JsonNode fromDemo = body(postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key));
        JsonNode fromRotating = body(postJson("/api/v1/appeals", NEW_KEY, appeal, "Idempotency-Key", key));

        assertThat(fromDemo.get("appealId")).isNotEqualTo(fromRotating.get("appealId"));
    }

    @Test
    void givenAnExternalId_whenTheChannelResends_thenTheSameAppealIsReturned() {
        String appeal = validAppeal("Прошу проверить качество воды в Каскелене.")
                .replace("\"consentToDataProcessing\":true", "\"consentToDataProcessing\":true,\"externalId\":\"crm-" + UUID.randomUUID() + "\"");
        JsonNode first = body(postJson("/api/v1/appeals", DEMO_KEY, appeal));
        JsonNode second = body(postJson("/api/v1/appeals", DEMO_KEY, appeal));

        assertThat(second.get("appealId")).isEqualTo(first.get("appealId"));
    }

    @Test
    void givenNoIdempotencyKey_whenTheSameBodyIsPostedTwice_thenTwoAppealsAreCreated() {
        String appeal = validAppeal("Прошу отремонтировать крышу школы номер 5.");
        JsonNode first = body(postJson("/api/v1/appeals", DEMO_KEY, appeal));
        JsonNode second = body(postJson("/api/v1/appeals", DEMO_KEY, appeal));

        assertThat(second.get("appealId")).isNotEqualTo(first.get("appealId"));
    }

    @Test
    void givenKazakhTextWithoutLanguage_whenSubmitted_thenTheEventSaysKazakhDetected() {
        JsonNode receipt = body(postJson("/api/v1/appeals", DEMO_KEY,
                validAppeal("Біздің ауылда үш күннен бері су жоқ, көмектесуіңізді сұраймын.")));

        JsonNode event = json.readTree(submittedRecordsOf(receipt.get("appealId").asString()).getFirst().value());
        assertThat(event.get("language").asString()).isEqualTo("kk");
        assertThat(event.get("languageDetected").asBoolean()).isTrue();
    }

    @Test
    void givenAnAnonymousAppealWithContactData_whenSubmitted_thenItIsFlaggedAndCarriesNoIdentity() {
        String appeal = """
                {"type":"REPORT","text":"Someone dumps rubbish by the river every night.","anonymous":true,"language":"en",
                 "citizen":{"fullName":"Should Vanish","phone":"+77011234567"}}""";
        HttpResponse<String> response = postJson("/api/v1/appeals", DEMO_KEY, appeal);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode event = json.readTree(submittedRecordsOf(body(response).get("appealId").asString()).getFirst().value());
        assertThat(event.get("anonymous").asBoolean()).isTrue();
        assertThat(event.get("citizen").isNull()).isTrue();
        assertThat(new String(submittedRecordsOf(body(response).get("appealId").asString()).getFirst().value(),
                StandardCharsets.UTF_8)).doesNotContain("Should Vanish");
    }

    @Test
    void givenHtmlInTheText_whenSubmitted_thenItIsKeptAsPlainTextAndEscapedInJson() {
        String script = "<script>alert(1)</script> нет воды на улице Абая";
        HttpResponse<String> response = postJson("/api/v1/appeals", DEMO_KEY, validAppeal(script));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode event = json.readTree(submittedRecordsOf(body(response).get("appealId").asString()).getFirst().value());
        assertThat(event.get("text").asString()).isEqualTo(script);
    }

    @Test
    void givenEitherOfARotatingChannelsKeys_whenSubmitting_thenBothAreAccepted() {
        assertThat(postJson("/api/v1/appeals", OLD_KEY, validAppeal("Прошу починить светофор у школы.")).statusCode()).isEqualTo(202);
        assertThat(postJson("/api/v1/appeals", NEW_KEY, validAppeal("Прошу починить светофор у школы.")).statusCode()).isEqualTo(202);
    }
}
