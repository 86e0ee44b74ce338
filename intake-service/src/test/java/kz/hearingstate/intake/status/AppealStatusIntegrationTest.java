package kz.hearingstate.intake.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.messaging.EventSchemas;
import kz.hearingstate.testing.CloudEventProducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The citizen's side after submission, as the submitting channel acts for its user (key and tracking code):
 * status lookups fed by routing's lifecycle events, feedback and replies. The citizen's own secret link is
 * {@code CitizenAccessIntegrationTest}.
 */
class AppealStatusIntegrationTest extends IntakeIntegrationTest {

    private static final Instant DEADLINE = Instant.parse("2027-01-20T13:00:00Z");

    @Test
    void givenARoutedAppeal_whenLookedUp_thenStatusDepartmentDeadlineAndHistoryShowWithoutPersonalData() {
        Submitted appeal = submit();
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);

        JsonNode status = awaitStatus(appeal.trackingCode(), "ROUTED");
        assertThat(status.get("department").asString()).isEqualTo("housing-utilities");
        assertThat(Instant.parse(status.get("deadline").asString())).isEqualTo(DEADLINE);
        assertThat(status.get("history").findValuesAsString("status")).containsExactly("SUBMITTED", "ROUTED");
        String text = status.toString();
        assertThat(text).doesNotContain("Айгерим", "900101400003", "+77011234567", "Абая");
    }

    @Test
    void givenWellFormedEventsOnBothTopics_whenProjected_thenNoneIsDeadLettered() {
        Submitted appeal = submit();
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);
        awaitStatus(appeal.trackingCode(), "ROUTED");

        for (String topic : List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE)) {
            assertThat(records(Topics.deadLetter(topic, "intake"))).noneMatch(r -> appeal.appealId().equals(r.key()));
        }
    }

    @Test
    void givenAPoisonRecordOnTheLifecycleTopic_whenConsumed_thenItIsDeadLetteredAndTheNextEventStillApplies() throws Exception {
        Submitted appeal = submit();
        awaitStatus(appeal.trackingCode(), "SUBMITTED");
        try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
            // No CloudEvents headers and a body that is not JSON: nothing can ever process it.
            producer.send(new ProducerRecord<>(Topics.APPEALS_LIFECYCLE, appeal.appealId(),
                    "not json".getBytes(StandardCharsets.UTF_8)));
        }
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);

        awaitStatus(appeal.trackingCode(), "ROUTED");
        await().untilAsserted(() -> assertThat(records(Topics.deadLetter(Topics.APPEALS_LIFECYCLE, "intake")))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(appeal.appealId())));
    }

    @Test
    void givenAnEventVersionIntakeDoesNotKnow_whenConsumed_thenItIsDeadLetteredNeitherReadAsTheOneItKnowsNorPassedOver() {
        Submitted appeal = submit();
        awaitStatus(appeal.trackingCode(), "SUBMITTED");
        // A valid event of another type (it passes its own schema), on the lifecycle topic by a producer's mistake.
        kz.hearingstate.events.NotificationOutcome misplaced = new kz.hearingstate.events.NotificationOutcome("n-1",
                appeal.appealId(), appeal.appealId() + ":1", "appeal-routed", "SMS", "CITIZEN", "DELIVERED", 1, 120,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String directoryKey = "parks-" + System.nanoTime();
        try (CloudEventProducer producer = new CloudEventProducer(broker.getBrokersAsString())) {
            producer.publish(Topics.APPEALS_LIFECYCLE, appeal.appealId(), "outcome:" + appeal.appealId(),
                    EventTypes.NOTIFICATION_OUTCOME, json.writeValueAsBytes(misplaced));
            producer.publish(Topics.DEPARTMENTS_DIRECTORY, directoryKey, directoryKey + ":1", "department.changed.v2",
                    "{\"code\":\"parks\"}".getBytes(StandardCharsets.UTF_8));
        }

        await().untilAsserted(() -> assertThat(records(Topics.deadLetter(Topics.APPEALS_LIFECYCLE, "intake")))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(appeal.appealId())));
        await().untilAsserted(() -> assertThat(records(Topics.deadLetter(Topics.DEPARTMENTS_DIRECTORY, "intake")))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(directoryKey)));
        assertThat(body(get("/api/v1/appeals/" + appeal.trackingCode(), "X-Api-Key", DEMO_KEY)).get("status").asString())
                .as("the outcome was not read as a lifecycle event").isEqualTo("SUBMITTED");
    }

    @Test
    void givenAStaleOrRepeatedLifecycleEvent_whenConsumed_thenTheStatusDoesNotGoBack() {
        Submitted appeal = submit();
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS, null, null);
        awaitStatus(appeal.trackingCode(), "IN_PROGRESS");

        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS, null, null);
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 3, LifecycleType.ANSWERED, AppealStatus.ANSWERED, null, "Водопровод починен.");

        JsonNode status = awaitStatus(appeal.trackingCode(), "ANSWERED");
        assertThat(status.get("history").findValuesAsString("status"))
                .containsExactly("SUBMITTED", "ROUTED", "IN_PROGRESS", "ANSWERED");
        assertThat(status.get("answer").asString()).isEqualTo("Водопровод починен.");
    }

    @Test
    void givenAnAnsweredAppeal_whenTheCitizenRatesIt_thenFeedbackGoesOutOnceUnderAFixedId() {
        Submitted appeal = submit();
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.ANSWERED, AppealStatus.ANSWERED, null, "Готово.");
        awaitStatus(appeal.trackingCode(), "ANSWERED");

        HttpResponse<String> first = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/feedback", DEMO_KEY,
                "{\"rating\":2,\"solved\":false}");
        HttpResponse<String> again = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/feedback", DEMO_KEY,
                "{\"rating\":2,\"solved\":false}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(body(again).get("feedbackId")).isEqualTo(body(first).get("feedbackId"));
        List<ConsumerRecord<String, byte[]>> feedback = records(Topics.APPEALS_FEEDBACK).stream()
                .filter(r -> appeal.appealId().equals(r.key())).toList();
        assertThat(feedback).hasSize(2).allSatisfy(r -> {
            assertThat(header(r, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.APPEAL_FEEDBACK);
            assertThat(header(r, CloudEventHeaders.ID)).isEqualTo(body(first).get("feedbackId").asString());
        });
        JsonNode event = json.readTree(feedback.getFirst().value());
        assertThat(EventSchemas.violations(EventTypes.APPEAL_FEEDBACK, event)).isEmpty();
        assertThat(event.get("rating").asInt()).isEqualTo(2);
        assertThat(event.get("solved").asBoolean()).isFalse();
    }

    @Test
    void givenAnAppealNotYetAnswered_whenTheCitizenRatesIt_thenConflict() {
        Submitted appeal = submit();
        awaitStatus(appeal.trackingCode(), "SUBMITTED");

        HttpResponse<String> response = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/feedback", DEMO_KEY,
                "{\"rating\":5,\"solved\":true}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(body(response).get("type").asString()).isEqualTo("https://hearingstate.kz/problems/appeal-state-conflict");
    }

    @Test
    void givenAnInformationRequest_whenTheCitizenReplies_thenTheReplyGoesOutAndOnlyThen() {
        Submitted appeal = submit();
        awaitStatus(appeal.trackingCode(), "SUBMITTED");
        String reply = "{\"text\":\"Акт обследования прилагаю.\",\"attachments\":[{\"url\":\"https://files.example.kz/akt.pdf\"}]}";
        assertThat(postJson("/api/v1/appeals/" + appeal.trackingCode() + "/replies", DEMO_KEY, reply).statusCode())
                .isEqualTo(409);

        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.INFO_REQUESTED, AppealStatus.INFO_REQUESTED, "Приложите акт обследования", null);
        JsonNode status = awaitStatus(appeal.trackingCode(), "INFO_REQUESTED");
        assertThat(status.get("history").get(1).get("reason").asString()).isEqualTo("Приложите акт обследования");
        HttpResponse<String> response = postJson("/api/v1/appeals/" + appeal.trackingCode() + "/replies", DEMO_KEY, reply);

        assertThat(response.statusCode()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record = records(Topics.APPEALS_FEEDBACK).stream()
                .filter(r -> appeal.appealId().equals(r.key())).findFirst().orElseThrow();
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CITIZEN_REPLIED);
        assertThat(EventSchemas.violations(EventTypes.CITIZEN_REPLIED, json.readTree(record.value()))).isEmpty();
    }

    @Test
    void givenChangesByTheDepartmentARuleAndTheCitizen_whenLookedUp_thenOnlyTheDepartmentsWordsAreEchoed() {
        Submitted appeal = submit();
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 1, LifecycleType.INFO_REQUESTED, AppealStatus.INFO_REQUESTED,
                "Какой номер дома?", null);
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, null,
                "Трубу заменили.");
        // What routing published, before it stopped putting the citizen's words on appeals.lifecycle, when the citizen
        // rated "not solved": its text around their own comment. Events of that time stay on the topic.
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 3, LifecycleType.REOPENED, AppealStatus.ROUTED,
                "the citizen reports the problem is not solved (rating 1): сосед Айгерим всё ещё без воды", null);
        publishLifecycle(appeal.appealId(), appeal.trackingCode(), 4, LifecycleType.REJECTED, AppealStatus.REJECTED,
                "housing-utilities", null, "system", "APPK: anonymous appeals are not considered", null);

        JsonNode status = awaitStatus(appeal.trackingCode(), "REJECTED");
        JsonNode history = status.get("history");
        assertThat(history.findValuesAsString("change")).containsExactly("SUBMITTED", "INFO_REQUESTED", "ANSWERED", "REOPENED",
                "REJECTED");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("Какой номер дома?");
        assertThat(history.get(1).get("by").asString()).isEqualTo("department");
        assertThat(history.get(3).get("reason").isNull()).isTrue();
        assertThat(history.get(3).get("by").asString()).isEqualTo("citizen");
        assertThat(history.get(4).get("reason").isNull()).isTrue();
        assertThat(history.get(4).get("by").asString()).isEqualTo("system");
        assertThat(status.toString()).doesNotContain("Айгерим", "not solved", "APPK");
    }

    @Test
    void givenAnUnknownOrMistypedTrackingCode_whenLookedUp_thenTheSame404WithoutHint() {
        HttpResponse<String> unknown = get("/api/v1/appeals/ZH-0000-0000-00000", "X-Api-Key", DEMO_KEY);
        HttpResponse<String> malformed = get("/api/v1/appeals/not-a-code", "X-Api-Key", DEMO_KEY);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
        JsonNode unknownProblem = body(unknown);
        JsonNode malformedProblem = body(malformed);
        for (String field : List.of("type", "title", "detail", "status")) {
            assertThat(unknownProblem.get(field)).isEqualTo(malformedProblem.get(field));
        }
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void givenATrackingCodeReadOverThePhone_whenTypedInLowerCaseWithLettersForDigits_thenItIsFound() {
        Submitted appeal = submit();
        awaitStatus(appeal.trackingCode(), "SUBMITTED");
        String typed = appeal.trackingCode().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');

        assertThat(get("/api/v1/appeals/" + typed.replace(" ", "%20"), "X-Api-Key", DEMO_KEY).statusCode()).isEqualTo(200);
    }
    private Submitted submit() {
        return submitAs(DEMO_KEY, "Нет воды на улице Абая, 12 уже три дня.");
    }

    private JsonNode awaitStatus(String trackingCode, String expected) {
        await().untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/appeals/" + trackingCode, "X-Api-Key", DEMO_KEY);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body(response).get("status").asString()).isEqualTo(expected);
        });
        return body(get("/api/v1/appeals/" + trackingCode, "X-Api-Key", DEMO_KEY));
    }
}
