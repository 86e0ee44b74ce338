package kz.hearingstate.intake.submission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.messaging.EventPublisher;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.identity.AppealIds;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.messaging.EventSchemas;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SubmissionIntegrationTest extends IntakeIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    CategoryCatalog categories;
    @Autowired
    SubmissionReservations reservations;
    @Autowired
    AppealStatusStore statusStore;
    @Autowired
    CitizenSecrets secrets;
    @Autowired
    AdmissionGate admission;
    @Autowired
    LegalClock legalClock;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    IntakeProperties properties;

    @Test
    void givenAValidAppeal_whenSubmitted_thenItIsAcceptedOnlyWithItsEventOnKafka() {
        HttpResponse<String> response = postJson("/api/v1/appeals", DEMO_KEY, validAppeal("Третий день нет воды на улице Абая, 12."));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = body(response);
        String appealId = receipt.get("appealId").asString();
        String trackingCode = receipt.get("trackingCode").asString();
        assertThat(trackingCode).matches("ZH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(receipt.get("status").asString()).isEqualTo("SUBMITTED");
        String secret = receipt.get("accessSecret").asString();
        assertThat(secret).matches("[0-9a-hjkmnp-tv-z]{24}");
        assertThat(receipt.get("statusUrl").asString()).isEqualTo("/api/v1/appeals/access/" + secret);
        assertThat(response.headers().firstValue("Location")).contains(uri("/api/v1/appeals/access/" + secret).toString());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");

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
    void givenAnIdempotencyKey_whenAnswered202_thenItsStatusIsStoredAlreadyAndItsReservationKeepsNoContent() {
        String key = UUID.randomUUID().toString();
        JsonNode accepted = body(postJson("/api/v1/appeals", DEMO_KEY,
                validAppeal("Прошу покрасить скамейки в парке у акимата."), "Idempotency-Key", key));
        String appealId = accepted.get("appealId").asString();

        // No waiting: the view, which tells a retry that Kafka has the appeal, is written before the 202.
        assertThat(mongo.findById(appealId, AppealStatusView.class)).isNotNull();
        Document reservation = mongo.getCollection(SubmissionReservations.COLLECTION).find(new Document("_id", appealId)).first();
        assertThat(reservation).isNotNull();
        assertThat(reservation.keySet()).containsExactlyInAnyOrder("_id", "fingerprint", "receivedAt");
    }

    @Test
    void givenAnIdempotencyKey_whenRetriedAfterTheStatusViewWasLost_thenTheSameEventIsPublishedAgainAndTheViewIsBack() {
        String key = UUID.randomUUID().toString();
        String appeal = validAppeal("Не вывозят мусор с улицы Сатпаева уже две недели.");
        JsonNode first = body(postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key));
        String appealId = first.get("appealId").asString();
        awaitTheProjectionOfEverySubmission(); // else its late write of the first send would bring the view back
        mongo.remove(Query.query(Criteria.where("_id").is(appealId)), AppealStatusView.class);

        JsonNode retry = body(postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key));

        assertThat(retry.get("appealId").asString()).isEqualTo(appealId);
        assertThat(retry.get("accessSecret")).isEqualTo(first.get("accessSecret"));
        assertThat(retry.get("receivedAt")).isEqualTo(first.get("receivedAt"));
        // Without the view nothing shows that Kafka took the appeal: it goes again as the same event, which consumers
        // keep once (their deduplication by event id), rather than risk an appeal never sent.
        List<ConsumerRecord<String, byte[]>> records = submittedRecordsOf(appealId);
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> header(r, "ce_id")).containsOnly(appealId);
        assertThat(records).extracting(r -> json.readTree(r.value()).get("receivedAt").asString())
                .containsOnly(first.get("receivedAt").asString());
        assertThat(mongo.findById(appealId, AppealStatusView.class)).isNotNull();

        postJson("/api/v1/appeals", DEMO_KEY, appeal, "Idempotency-Key", key);
        assertThat(submittedRecordsOf(appealId)).as("the view is back: a further retry sends nothing").hasSize(2);
    }

    @Test
    void givenAReservationWhosePublishFailed_whenTheSameBodyIsRetried_thenItIsPublishedUnderTheFirstTimeAndAccepted() {
        String key = UUID.randomUUID().toString();
        String text = "Прошу засыпать яму на дороге у моста через Каскелен.";
        String appealId = AppealIds.fromIdempotencyKey("demo-portal", key);
        SubmissionService brokerDown = new SubmissionService(categories, new EventPublisher(null, "/intake-service", clock) {
            @Override
            public void publish(String topic, String key, String eventId, String eventType, Object payload) {
                throw new EventNotAcknowledgedException(topic, eventType, new IllegalStateException("broker down"));
            }
        }, reservations, statusStore, secrets, admission, legalClock, clock, meters, properties);
        assertThatThrownBy(() -> brokerDown.submit("demo-portal", key, json.readValue(validAppeal(text), AppealRequest.class)))
                .isInstanceOf(EventPublisher.EventNotAcknowledgedException.class);
        assertThat(mongo.getCollection(SubmissionReservations.COLLECTION).find(new Document("_id", appealId)).first())
                .isNotNull();
        // Reserved, never accepted: the portal tells its citizen so instead of "already sent" (PortalController).
        assertThat(brokerDown.isKnownAccepted("demo-portal", key)).isFalse();

        HttpResponse<String> other = postJson("/api/v1/appeals", DEMO_KEY,
                validAppeal("Совсем другое обращение про уличное освещение."), "Idempotency-Key", key);
        HttpResponse<String> retry = postJson("/api/v1/appeals", DEMO_KEY, validAppeal(text), "Idempotency-Key", key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(body(retry).get("appealId").asString()).isEqualTo(appealId);
        assertThat(brokerDown.isKnownAccepted("demo-portal", key)).isTrue();
        assertThat(brokerDown.isKnownAccepted("hotline", key)).as("another channel's key").isFalse();
        List<ConsumerRecord<String, byte[]>> records = submittedRecordsOf(appealId);
        assertThat(records).hasSize(1);
        assertThat(json.readTree(records.getFirst().value()).get("text").asString()).isEqualTo(text);
        assertThat(postJson("/api/v1/appeals", DEMO_KEY, validAppeal(text), "Idempotency-Key", key).statusCode()).isEqualTo(202);
        assertThat(submittedRecordsOf(appealId)).hasSize(1);
    }

    @Test
    void givenAnIdempotencyKeyReusedForADifferentAppeal_whenSubmitted_then422AndTheSecondAppealIsNotSwallowedSilently() {
        String key = UUID.randomUUID().toString();
        JsonNode first = body(postJson("/api/v1/appeals", DEMO_KEY, validAppeal("Прошу починить забор школы номер 3."),
                "Idempotency-Key", key));

        HttpResponse<String> reused = postJson("/api/v1/appeals", DEMO_KEY, validAppeal("Во дворе дома 7 затопило подвал."),
                "Idempotency-Key", key);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(body(reused).get("type").asString()).isEqualTo("https://hearingstate.kz/problems/idempotency-key-reused");
        assertThat(submittedRecordsOf(first.get("appealId").asString())).hasSize(1);
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
    void givenAChannelOverItsRateLimit_whenItSendsMore_then429WithRetryAfter() {
        String invalid = "{\"type\":\"COMPLAINT\"}"; // refused later anyway: the limit applies before the body is read
        for (int i = 0; i < 3; i++) {
            assertThat(postJson("/api/v1/appeals", TEST_BOT_KEY, invalid).statusCode()).isEqualTo(400);
        }

        HttpResponse<String> limited = postJson("/api/v1/appeals", TEST_BOT_KEY, validAppeal("Прошу убрать снег на улице Абая."));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(body(limited).get("type").asString()).isEqualTo("https://hearingstate.kz/problems/rate-limited");
        // Another channel is not affected.
        assertThat(postJson("/api/v1/appeals", DEMO_KEY, validAppeal("Прошу убрать снег на улице Абая.")).statusCode()).isEqualTo(202);
    }

    @Test
    void givenAnInvalidAppeal_whenTheClientAsksInKazakhOrRussian_thenTheProblemIsInThatLanguage() {
        String invalid = validAppeal("Нет воды на улице Абая.").replace("900101400003", "900101400004");

        JsonNode kazakh = body(postJson("/api/v1/appeals", DEMO_KEY, invalid, "Accept-Language", "kk-KZ"));
        JsonNode russian = body(postJson("/api/v1/appeals", DEMO_KEY, invalid, "Accept-Language", "ru"));
        JsonNode english = body(postJson("/api/v1/appeals", DEMO_KEY, invalid, "Accept-Language", "de, en;q=0.5"));

        assertThat(kazakh.get("errors").get(0).get("message").asString()).isEqualTo("бақылау цифры қате");
        assertThat(russian.get("errors").get(0).get("message").asString()).isEqualTo("неверная контрольная цифра");
        assertThat(english.get("errors").get(0).get("message").asString()).isEqualTo("has a wrong check digit");
        assertThat(kazakh.get("errors").get(0).get("field").asString()).isEqualTo("citizen.iin");
        assertThat(russian.get("detail").asString()).startsWith("Некоторые поля");
    }

    @Test
    void givenSubmissionsAndRefusals_whenPrometheusIsScraped_thenReceivedAndRejectedAreCounted() {
        postJson("/api/v1/appeals", DEMO_KEY, validAppeal("Прошу отремонтировать мост через реку Каскелен."));
        postJson("/api/v1/appeals", "wrong-key", validAppeal("Прошу отремонтировать мост через реку Каскелен."));

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("appeals_received_total\\{[^}]*channel=\"demo-portal\"[^}]*type=\"COMPLAINT\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("appeals_rejected_total\\{[^}]*reason=\"unauthenticated\"[^}]*} [1-9]");
    }

    @Test
    void givenTheBrokerRefusesToAcknowledge_whenAnAppealIsSubmitted_then503WithRetryAfterAndNothingIsKept() throws Exception {
        // A real refusal by the broker: the topic accepts no record as large as an appeal.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            setMaxMessageBytes(admin, "64");
            try {
                String key = UUID.randomUUID().toString();
                HttpResponse<String> response = postJson("/api/v1/appeals", DEMO_KEY,
                        validAppeal("Прошу проверить газовую трубу на улице Абая."), "Idempotency-Key", key);

                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).contains("5");
                assertThat(body(response).get("type").asString()).isEqualTo("https://hearingstate.kz/problems/broker-unavailable");
                String appealId = AppealIds.fromIdempotencyKey("demo-portal", key);
                assertThat(mongo.findById(appealId, AppealStatusView.class)).isNull();
                assertThat(submittedRecordsOf(appealId)).isEmpty();
            } finally {
                setMaxMessageBytes(admin, "1048588");
            }
        }
    }

    /** Until intake's projection (consumer group {@code intake}) has committed every record of appeals.submitted. */
    private void awaitTheProjectionOfEverySubmission() {
        long written = endOffsets(Topics.APPEALS_SUBMITTED);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().until(() -> admin.listConsumerGroupOffsets("intake").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(committed -> committed.getKey().topic().equals(Topics.APPEALS_SUBMITTED))
                    .mapToLong(committed -> committed.getValue().offset()).sum() >= written);
        }
    }

    private static void setMaxMessageBytes(Admin admin, String value) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.APPEALS_SUBMITTED);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
        await().until(() -> value.equals(admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS)
                .get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()));
    }

    @Test
    void givenEitherOfARotatingChannelsKeys_whenSubmitting_thenBothAreAccepted() {
        assertThat(postJson("/api/v1/appeals", OLD_KEY, validAppeal("Прошу починить светофор у школы.")).statusCode()).isEqualTo(202);
        assertThat(postJson("/api/v1/appeals", NEW_KEY, validAppeal("Прошу починить светофор у школы.")).statusCode()).isEqualTo(202);
    }
}
