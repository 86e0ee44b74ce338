package kz.hearingstate.routing.workflow;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.DepartmentAction;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventSchemas;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import kz.hearingstate.testing.TopicRecorder.Recorded;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The department workflow over HTTP and over the departments' actions topics, with the citizen's replies and feedback. */
class DepartmentWorkflowIntegrationTest extends RoutingIntegrationTest {

    private static final String EDUCATION = "education";

    private AppealSubmitted routedToEducation() {
        AppealSubmitted appeal = Appeals.submitted("В школе не хватает учебников и учителей математики.", Language.ru, CLOCK.instant());
        submit(appeal);
        Recorded assigned = awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst();
        assertThat(assigned.topic()).isEqualTo(Topics.departmentInbox(EDUCATION));
        return appeal;
    }

    private HttpResponse<String> act(String appealId, String key, Map<String, Object> body) {
        return post("/api/v1/appeals/" + appealId + "/actions", key, body);
    }

    private void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo("https://hearingstate.kz/problems/" + slug);
    }

    @Test
    void givenARoutedAppeal_whenItsDepartmentAcceptsAndAnswersOverHttp_thenEachStepIsOneLifecycleEventWithActorAndSequence() {
        AppealSubmitted appeal = routedToEducation();
        String key = departmentKey(EDUCATION);

        HttpResponse<String> accepted = act(appeal.appealId(), key, Map.of("actionId", "acc-" + appeal.appealId(), "action", "ACCEPT"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("status").asString()).isEqualTo("IN_PROGRESS");

        HttpResponse<String> answered = act(appeal.appealId(), key, Map.of("action", "ANSWER",
                "answer", "Учебники доставят до 15 декабря; вакансия учителя объявлена."));
        assertThat(answered.statusCode()).isEqualTo(200);

        Recorded acceptedEvent = awaitEvents(appeal.appealId(), LifecycleType.ACCEPTED.eventType(), 1).getFirst();
        Recorded answeredEvent = awaitEvents(appeal.appealId(), LifecycleType.ANSWERED.eventType(), 1).getFirst();
        assertThat(acceptedEvent.id()).isEqualTo(appeal.appealId() + ":2");
        assertThat(answeredEvent.id()).isEqualTo(appeal.appealId() + ":3");
        assertThat(EventSchemas.violations(answeredEvent.type(), body(answeredEvent))).isEmpty();
        assertThat(body(answeredEvent).get("actor").asString()).isEqualTo(EDUCATION);
        assertThat(body(answeredEvent).get("answer").asString()).contains("Учебники");

        assertProblem(act(appeal.appealId(), key, Map.of("action", "ACCEPT")), 409, "appeal-state-conflict");
    }

    @Test
    void givenTheSameActionIdTwice_thenTheActionAppliesOnce() throws Exception {
        AppealSubmitted appeal = routedToEducation();
        Map<String, Object> accept = Map.of("actionId", "same-" + appeal.appealId(), "action", "ACCEPT");
        assertThat(act(appeal.appealId(), departmentKey(EDUCATION), accept).statusCode()).isEqualTo(200);
        assertThat(act(appeal.appealId(), departmentKey(EDUCATION), accept).statusCode()).isEqualTo(200);

        awaitEvents(appeal.appealId(), LifecycleType.ACCEPTED.eventType(), 1);
        Thread.sleep(500);
        assertThat(recorder().ofType(appeal.appealId(), LifecycleType.ACCEPTED.eventType())).hasSize(1);
    }

    @Test
    void givenAnotherDepartmentsActionId_whenReplayed_thenItReadsAsNotFoundAndNothingOfTheAppealIsShown() {
        AppealSubmitted appeal = routedToEducation();
        String accepted = "acc-" + appeal.appealId();
        assertThat(act(appeal.appealId(), departmentKey(EDUCATION), Map.of("actionId", accepted, "action", "ACCEPT")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> missing = act(UUID.randomUUID().toString(), departmentKey("health"), Map.of("action", "ACCEPT"));

        // The appeal's own id is its first applied input, and education's action id its second: neither is health's.
        for (String replayed : List.of(appeal.appealId(), accepted)) {
            HttpResponse<String> replay = act(appeal.appealId(), departmentKey("health"), Map.of("actionId", replayed, "action", "ROUTE",
                    "targetDepartment", "health"));
            assertProblem(replay, 404, "not-found");
            assertThat(withoutInstance(replay)).isEqualTo(withoutInstance(missing));
            assertThat(replay.body()).doesNotContain("учебников").doesNotContain(appeal.trackingCode());
        }
        HttpResponse<String> adminReplay = act(appeal.appealId(), ADMIN_KEY, Map.of("actionId", accepted, "action", "ACCEPT"));
        assertProblem(adminReplay, 403, "forbidden");
        assertThat(adminReplay.body()).doesNotContain("учебников");
    }

    @Test
    void givenAForwardedAppeal_whenTheForwarderRetriesItsForward_thenItAppliesOnceAndTheAnswerNoLongerCarriesTheAppeal() throws Exception {
        AppealSubmitted appeal = routedToEducation();
        Map<String, Object> forward = Map.of("actionId", "fwd-" + appeal.appealId(), "action", "FORWARD",
                "targetDepartment", "health", "reason", "a school nurse's post is health's");
        HttpResponse<String> first = act(appeal.appealId(), departmentKey(EDUCATION), forward);
        HttpResponse<String> retry = act(appeal.appealId(), departmentKey(EDUCATION), forward);

        for (HttpResponse<String> response : List.of(first, retry)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("department").asString()).isEqualTo("health");
            assertThat(response.body()).as("health's appeal now: education reads none of it").doesNotContain("учебников")
                    .doesNotContain(appeal.trackingCode());
        }
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 2);
        Thread.sleep(500);
        assertThat(recorder().ofType(appeal.appealId(), EventTypes.APPEAL_ASSIGNED)).hasSize(2);
    }

    @Test
    void givenAnAppealThatMovedOnAfterAForward_whenTheFormerHolderSendsAnOldActionIdAgain_thenItLearnsNothingOfWhereItIsNow()
            throws Exception {
        AppealSubmitted appeal = routedToEducation();
        String accepted = "acc-" + appeal.appealId();
        assertThat(act(appeal.appealId(), departmentKey(EDUCATION), Map.of("actionId", accepted, "action", "ACCEPT")).statusCode())
                .isEqualTo(200);
        Map<String, Object> toHealth = Map.of("actionId", "fwd-" + appeal.appealId(), "action", "FORWARD",
                "targetDepartment", "health", "reason", "a school nurse's post is health's");
        assertThat(act(appeal.appealId(), departmentKey(EDUCATION), toHealth).statusCode()).isEqualTo(200);
        // Health reads that the nurse's post was bought, and sends it on to anti-corruption.
        assertThat(act(appeal.appealId(), departmentKey("health"), Map.of("actionId", "fwd2-" + appeal.appealId(),
                "action", "FORWARD", "targetDepartment", "anti-corruption", "reason", "a bribe")).statusCode()).isEqualTo(200);

        // As it was, or dressed as a forward to a guessed department: either way nothing tells where it is now.
        Map<String, Object> guess = Map.of("actionId", accepted, "action", "FORWARD", "targetDepartment", "anti-corruption",
                "reason", "a guess");
        for (Map<String, Object> replay : List.of(toHealth, Map.<String, Object>of("actionId", accepted, "action", "ACCEPT"), guess)) {
            HttpResponse<String> response = act(appeal.appealId(), departmentKey(EDUCATION), replay);
            assertProblem(response, 404, "not-found");
            assertThat(response.body()).doesNotContain("anti-corruption").doesNotContain("health");
        }
    }

    @Test
    void givenTheAdmin_whenReadingADepartmentsAppeal_thenItReadsWhatItIsAboutButNotWhoWroteIt() {
        AppealSubmitted appeal = routedToEducation();

        JsonNode asAdmin = json(get("/api/v1/appeals/" + appeal.appealId(), ADMIN_KEY));
        assertThat(asAdmin.get("text").asString()).isNotBlank();
        assertThat(asAdmin.toString()).doesNotContain("Test Citizen", "900101300000", "+77010000000");
        assertThat(asAdmin.at("/citizen/fullName").asString()).isEqualTo("T*** C******");

        JsonNode asHolder = json(get("/api/v1/appeals/" + appeal.appealId(), departmentKey(EDUCATION)));
        assertThat(asHolder.at("/citizen/fullName").asString()).isEqualTo("Test Citizen");
        assertThat(asHolder.at("/citizen/phone").asString()).isEqualTo("+77010000000");
    }

    @Test
    void givenBadCallers_thenTheyGet401Or403Or404AsProblemJson() {
        AppealSubmitted appeal = routedToEducation();
        assertProblem(act(appeal.appealId(), null, Map.of("action", "ACCEPT")), 401, "unauthenticated");
        assertProblem(act(appeal.appealId(), "not-a-key", Map.of("action", "ACCEPT")), 401, "unauthenticated");
        assertProblem(act(appeal.appealId(), ADMIN_KEY, Map.of("action", "ACCEPT")), 403, "forbidden");
        // "Not yours" is "not found", to the byte (but for the path asked): no one learns which appeal ids exist.
        HttpResponse<String> notYours = act(appeal.appealId(), departmentKey("health"), Map.of("action", "ACCEPT"));
        HttpResponse<String> missing = act(UUID.randomUUID().toString(), departmentKey("health"), Map.of("action", "ACCEPT"));
        assertProblem(notYours, 404, "not-found");
        assertProblem(missing, 404, "not-found");
        assertThat(withoutInstance(notYours)).isEqualTo(withoutInstance(missing));
        assertProblem(get("/api/v1/appeals/" + appeal.appealId(), departmentKey("health")), 404, "not-found");
        assertProblem(get("/api/v1/departments/education/appeals", departmentKey("health")), 404, "not-found");
    }

    @Test
    void givenNoKey_whenPostingAnInvalidAction_thenUnauthenticatedAndNoFieldListIsRevealed() {
        AppealSubmitted appeal = routedToEducation();
        HttpResponse<String> response = post("/api/v1/appeals/" + appeal.appealId() + "/actions", null, "{\"action\": \"DANCE\", \"x\":");
        assertProblem(response, 401, "unauthenticated");
        assertThat(json(response).has("errors")).isFalse();
    }

    private JsonNode withoutInstance(HttpResponse<String> response) {
        ObjectNode problem = (ObjectNode) json(response);
        problem.remove("instance");
        return problem;
    }

    @Test
    void givenMalformedActions_thenTheyGet400WithTheFieldNamed() {
        AppealSubmitted appeal = routedToEducation();
        String key = departmentKey(EDUCATION);

        HttpResponse<String> noAnswer = act(appeal.appealId(), key, Map.of("action", "ANSWER"));
        assertProblem(noAnswer, 400, "validation-failed");
        assertThat(json(noAnswer).get("errors").get(0).get("field").asString()).isEqualTo("answer");

        HttpResponse<String> unknownAction = act(appeal.appealId(), key, Map.of("action", "DANCE"));
        assertProblem(unknownAction, 400, "validation-failed");
        HttpResponse<String> noAction = act(appeal.appealId(), key, Map.of("reason", "x"));
        assertProblem(noAction, 400, "validation-failed");
        assertThat(json(noAction).get("errors").get(0).get("field").asString()).isEqualTo("action");
        assertProblem(post("/api/v1/appeals/" + appeal.appealId() + "/actions", key, "{not json"), 400, "malformed-json");
        assertProblem(get("/api/v1/departments/education/appeals?status=LOST", key), 400, "validation-failed");
        assertProblem(get("/api/v1/departments/education/appeals?size=100000", key), 400, "validation-failed");
        assertProblem(post("/api/v1/appeals/" + appeal.appealId() + "/actions", key,
                "{\"action\":\"ACCEPT\",\"action\":\"REJECT\"}"), 400, "duplicate-json-key");
        HttpResponse<String> unknownField = post("/api/v1/appeals/" + appeal.appealId() + "/actions", key,
                "{\"action\":\"ACCEPT\",\"department\":\"health\"}");
        assertProblem(unknownField, 400, "validation-failed");
        assertThat(json(unknownField).get("errors").get(0).get("field").asString()).isEqualTo("department");
    }

    @Test
    void givenADepartmentWithoutKafka_whenItReadsItsQueueOverHttp_thenItSeesItsAppealsPagedAndFilteredByStatus() {
        AppealSubmitted appeal = routedToEducation();
        HttpResponse<String> page = get("/api/v1/departments/education/appeals?status=ROUTED&page=0&size=200", departmentKey(EDUCATION));
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode items = json(page).get("items");
        assertThat(items.valueStream().map(i -> i.get("appealId").asString())).contains(appeal.appealId());
        assertThat(items.valueStream().map(i -> i.get("department").asString())).containsOnly(EDUCATION);
        assertThat(items.valueStream().map(i -> i.get("status").asString())).containsOnly("ROUTED");
        assertThat(json(page).get("total").asLong()).isGreaterThanOrEqualTo(1);

        act(appeal.appealId(), departmentKey(EDUCATION), Map.of("action", "ACCEPT"));
        JsonNode inProgress = json(get("/api/v1/departments/education/appeals?status=IN_PROGRESS&size=200", departmentKey(EDUCATION))).get("items");
        assertThat(inProgress.valueStream().map(i -> i.get("appealId").asString())).contains(appeal.appealId());
    }

    @Test
    void givenACommandOnTheDepartmentsActionsTopic_thenItIsAppliedOnceEvenWhenRedelivered_andAnotherDepartmentsTopicCannotActOnIt() {
        AppealSubmitted appeal = routedToEducation();
        String educationActions = Topics.departmentActions(EDUCATION);
        DepartmentAction accept = new DepartmentAction("kafka-" + appeal.appealId(), appeal.appealId(), ActionType.ACCEPT,
                EDUCATION, "clerk", null, null, null, null, null, Instant.now());
        publish(educationActions, appeal.appealId(), accept.actionId(), EventTypes.DEPARTMENT_ACTION, accept);
        publish(educationActions, appeal.appealId(), accept.actionId(), EventTypes.DEPARTMENT_ACTION, accept);
        DepartmentAction foreign = new DepartmentAction("kafka-foreign-" + appeal.appealId(), appeal.appealId(), ActionType.REJECT,
                "health", "clerk", "not ours", null, null, null, null, Instant.now());
        publish(Topics.departmentActions("health"), appeal.appealId(), foreign.actionId(), EventTypes.DEPARTMENT_ACTION, foreign);
        DepartmentAction answer = new DepartmentAction("kafka-answer-" + appeal.appealId(), appeal.appealId(), ActionType.ANSWER,
                EDUCATION, "clerk", null, "Жауап: оқулықтар жеткізіледі.", null, null, null, Instant.now());
        publish(educationActions, appeal.appealId(), answer.actionId(), EventTypes.DEPARTMENT_ACTION, answer);

        awaitEvents(appeal.appealId(), LifecycleType.ANSWERED.eventType(), 1);
        // The inbox and the lifecycle are two topics: order holds within each, not across them.
        List<String> types = recorder().forKey(appeal.appealId()).stream().map(Recorded::type).toList();
        assertThat(types).filteredOn(type -> !type.equals(EventTypes.APPEAL_ASSIGNED)).containsExactly(
                LifecycleType.ROUTED.eventType(), LifecycleType.ACCEPTED.eventType(), LifecycleType.ANSWERED.eventType());
        assertThat(types).containsOnlyOnce(EventTypes.APPEAL_ASSIGNED);
    }

    @Test
    void givenAnAntiCorruptionAppeal_whenAnotherDepartmentsTopicCarriesARejectClaimingAntiCorruption_thenItIsDeadLetteredAndChangesNothing() {
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(),
                "Директор школы требует взятку за место в первом классе.", Language.ru, false, "schools", "Самсы", CLOCK.instant());
        submit(appeal);
        assertThat(awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst().topic())
                .isEqualTo(Topics.departmentInbox("anti-corruption"));
        DepartmentAction forged = new DepartmentAction("forged-" + appeal.appealId(), appeal.appealId(), ActionType.REJECT,
                "anti-corruption", "clerk", "closed", null, null, null, null, Instant.now());

        publish(Topics.departmentActions(EDUCATION), appeal.appealId(), forged.actionId(), EventTypes.DEPARTMENT_ACTION, forged);

        String deadLetters = Topics.deadLetter(Topics.departmentActions(EDUCATION), "routing");
        await().atMost(Duration.ofSeconds(20)).until(() -> kcat(deadLetters).stream()
                .anyMatch(r -> appeal.appealId().equals(r.get("key").asString())));
        HttpResponse<String> view = get("/api/v1/appeals/" + appeal.appealId(), departmentKey("anti-corruption"));
        assertThat(json(view).get("status").asString()).isEqualTo("ROUTED");
        assertThat(recorder().forKey(appeal.appealId())).extracting(Recorded::type)
                .containsExactlyInAnyOrder(LifecycleType.ROUTED.eventType(), EventTypes.APPEAL_ASSIGNED);
    }

    @Test
    void givenAnIncompleteActionOrAnotherEventTypeOnTheActionsTopic_thenEachIsDeadLetteredNotPassedOverInSilence() {
        AppealSubmitted appeal = routedToEducation();
        String educationActions = Topics.departmentActions(EDUCATION);
        // First, one the appeal's state refuses, well formed: an EXTEND to a deadline already past. Counted and logged,
        // not a dead letter (the records of one appeal are read in order, so it is handled before the two below).
        DepartmentAction extendBackwards = new DepartmentAction("extend-" + appeal.appealId(), appeal.appealId(), ActionType.EXTEND,
                EDUCATION, "clerk", "Нужно запросить документы из архива.", null, null, null, CLOCK.instant().minusSeconds(86_400),
                Instant.now());
        publish(educationActions, appeal.appealId(), extendBackwards.actionId(), EventTypes.DEPARTMENT_ACTION, extendBackwards);
        // The schema lets an ANSWER leave its answer out; the workflow refuses it (over HTTP: 400 naming the field).
        DepartmentAction answerless = new DepartmentAction("answerless-" + appeal.appealId(), appeal.appealId(), ActionType.ANSWER,
                EDUCATION, "clerk", null, null, null, null, null, Instant.now());
        publish(educationActions, appeal.appealId(), answerless.actionId(), EventTypes.DEPARTMENT_ACTION, answerless);
        // A version no release of routing reads yet: consumers are upgraded before producers, so this is a defect.
        DepartmentAction accept = new DepartmentAction("v2-" + appeal.appealId(), appeal.appealId(), ActionType.ACCEPT,
                EDUCATION, "clerk", null, null, null, null, null, Instant.now());
        publish(educationActions, appeal.appealId(), accept.actionId(), "department.action.v2", accept);

        String deadLetters = Topics.deadLetter(educationActions, "routing");
        await().atMost(Duration.ofSeconds(20)).until(() -> kcat(deadLetters).stream()
                .filter(r -> appeal.appealId().equals(r.get("key").asString())).count() >= 2);
        assertThat(kcat(deadLetters).stream().filter(r -> appeal.appealId().equals(r.get("key").asString())))
                .as("the malformed ANSWER and the v2 record, not the EXTEND").hasSize(2);
        assertThat(json(get("/api/v1/appeals/" + appeal.appealId(), departmentKey(EDUCATION))).get("status").asString())
                .isEqualTo("ROUTED");
    }

    @Test
    void givenARequestForInformation_whenTheCitizenReplies_thenInfoProvidedAndTheDeadlineMovesOn_andNotSolvedFeedbackReopens() {
        AppealSubmitted appeal = routedToEducation();
        String key = departmentKey(EDUCATION);
        assertThat(act(appeal.appealId(), key, Map.of("action", "REQUEST_INFO", "reason", "Укажите номер школы")).statusCode()).isEqualTo(200);
        Recorded requested = awaitEvents(appeal.appealId(), LifecycleType.INFO_REQUESTED.eventType(), 1).getFirst();
        Instant deadlineBefore = Instant.parse(body(requested).get("deadline").asString());

        CLOCK.advance(java.time.Duration.ofDays(7)); // a week passes while the clock is paused
        CitizenReplied reply = new CitizenReplied("reply-" + appeal.appealId(), appeal.appealId(), appeal.trackingCode(),
                "Школа №2, село Узынагаш", List.of(), Instant.now());
        publish(Topics.APPEALS_FEEDBACK, appeal.appealId(), reply.replyId(), EventTypes.CITIZEN_REPLIED, reply);
        Recorded provided = awaitEvents(appeal.appealId(), LifecycleType.INFO_PROVIDED.eventType(), 1).getFirst();
        assertThat(Instant.parse(body(provided).get("deadline").asString())).isAfter(deadlineBefore);
        assertThat(body(provided).get("status").asString()).isEqualTo("IN_PROGRESS");
        // The department reads what the citizen answered; no other department does.
        JsonNode replies = json(get("/api/v1/appeals/" + appeal.appealId(), key)).get("citizenReplies");
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("text").asString()).isEqualTo("Школа №2, село Узынагаш");
        assertThat(body(provided).toString()).doesNotContain("Школа №2");
        // A department working over Kafka reads it on its inbox, beside the assignment.
        Recorded onTheInbox = awaitEvents(appeal.appealId(), EventTypes.CITIZEN_REPLIED, 1).stream()
                .filter(record -> record.topic().equals(Topics.departmentInbox(EDUCATION))).findFirst().orElseThrow();
        assertThat(body(onTheInbox).get("replyId").asString()).isEqualTo(reply.replyId());
        assertThat(body(onTheInbox).get("text").asString()).isEqualTo("Школа №2, село Узынагаш");
        assertThat(EventSchemas.violations(onTheInbox.type(), body(onTheInbox))).isEmpty();

        act(appeal.appealId(), key, Map.of("action", "ANSWER", "answer", "Учебники выданы."));
        awaitEvents(appeal.appealId(), LifecycleType.ANSWERED.eventType(), 1);
        AppealFeedback unsolved = new AppealFeedback("fb-" + appeal.appealId(), appeal.appealId(), appeal.trackingCode(), 1, false,
                null, Instant.now());
        publish(Topics.APPEALS_FEEDBACK, appeal.appealId(), unsolved.feedbackId(), EventTypes.APPEAL_FEEDBACK, unsolved);

        Recorded reopened = awaitEvents(appeal.appealId(), LifecycleType.REOPENED.eventType(), 1).getFirst();
        assertThat(body(reopened).get("department").asString()).isEqualTo(EDUCATION);
        assertThat(EventSchemas.violations(reopened.type(), body(reopened))).isEmpty();
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 2);
    }

    @Test
    void givenAReplyThatReportsTheAskingDepartment_whenItArrives_thenAntiCorruptionGetsItAndTheDepartmentNeitherReadsNorReceivesIt() {
        AppealSubmitted appeal = routedToEducation();
        String key = departmentKey(EDUCATION);
        assertThat(act(appeal.appealId(), key, Map.of("action", "REQUEST_INFO", "reason", "Укажите номер школы")).statusCode()).isEqualTo(200);
        awaitEvents(appeal.appealId(), LifecycleType.INFO_REQUESTED.eventType(), 1);
        String words = "Школа №2. Завуч сказал, что учебники выдадут быстрее, если перевести ему 20 000 на карту";
        CitizenReplied reply = new CitizenReplied("reply-" + appeal.appealId(), appeal.appealId(), appeal.trackingCode(),
                words, List.of(), Instant.now());
        publish(Topics.APPEALS_FEEDBACK, appeal.appealId(), reply.replyId(), EventTypes.CITIZEN_REPLIED, reply);

        Recorded moved = awaitEvents(appeal.appealId(), LifecycleType.ROUTED.eventType(), 2).getLast();
        assertThat(body(moved).get("department").asString()).isEqualTo("anti-corruption");
        assertThat(body(moved).toString()).doesNotContain("20 000");
        Recorded onItsInbox = awaitEvents(appeal.appealId(), EventTypes.CITIZEN_REPLIED, 1).getFirst();
        assertThat(onItsInbox.topic()).isEqualTo(Topics.departmentInbox("anti-corruption"));
        assertThat(recorder().forKey(appeal.appealId())).as("education's inbox never carries the reply")
                .filteredOn(record -> record.topic().equals(Topics.departmentInbox(EDUCATION)))
                .isNotEmpty().noneSatisfy(record -> assertThat(record.body()).contains("20 000"));
        assertThat(get("/api/v1/appeals/" + appeal.appealId(), key).statusCode()).as("not education's any more").isEqualTo(404);
        JsonNode atAntiCorruption = json(get("/api/v1/appeals/" + appeal.appealId(), departmentKey("anti-corruption")));
        assertThat(atAntiCorruption.get("citizenReplies").get(0).get("text").asString()).isEqualTo(words);
        assertThat(atAntiCorruption.get("triage").asBoolean()).isTrue();
    }

    @Test
    void givenATriageAppeal_whenTheTriageDeskRoutesIt_thenTheTargetDepartmentGetsItAndTheCorrectionIsKeptAsLabelledData() {
        // Only numbers the model never saw: it falls back on its priors, below the confidence threshold.
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(), "№ 4521-8890-1173 / 90210",
                Language.ru, false, null, "Шиен", CLOCK.instant());
        submit(appeal);
        Recorded triage = awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst();
        assertThat(triage.topic()).isEqualTo(Topics.departmentInbox("akim-office"));

        // The desk sees the model's three likeliest departments with their probabilities, best first.
        JsonNode view = json(get("/api/v1/appeals/" + appeal.appealId(), departmentKey("akim-office")));
        assertThat(view.get("triage").asBoolean()).isTrue();
        JsonNode top = view.get("topDepartments");
        assertThat(top).hasSize(3);
        assertThat(top.get(0).get("department").asString()).isNotBlank();
        assertThat(top.get(0).get("probability").asDouble()).isGreaterThanOrEqualTo(top.get(1).get("probability").asDouble());
        assertThat(top.get(1).get("probability").asDouble()).isGreaterThanOrEqualTo(top.get(2).get("probability").asDouble());
        assertThat(top.get(0).get("probability").asDouble()).isEqualTo(view.get("confidence").asDouble());

        HttpResponse<String> routed = act(appeal.appealId(), departmentKey("akim-office"),
                Map.of("action", "ROUTE", "targetDepartment", "agriculture", "reason", "about pastures"));
        assertThat(routed.statusCode()).isEqualTo(200);
        // Two inbox topics: the recorder sees their records in no guaranteed order.
        List<Recorded> assigned = awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 2);
        assertThat(assigned).extracting(Recorded::topic)
                .containsExactlyInAnyOrder(Topics.departmentInbox("akim-office"), Topics.departmentInbox("agriculture"));

        HttpResponse<String> corrections = get("/api/v1/admin/routing-corrections", ADMIN_KEY);
        assertThat(corrections.statusCode()).isEqualTo(200);
        assertThat(corrections.body()).contains("№ 4521-8890-1173 / 90210").contains("\"department\":\"agriculture\"");
        assertProblem(get("/api/v1/admin/routing-corrections", departmentKey("akim-office")), 403, "forbidden");

        // Forwarded on to anti-corruption: its text is that department's alone now, the labelled example too.
        assertThat(act(appeal.appealId(), departmentKey("agriculture"), Map.of("action", "FORWARD",
                "targetDepartment", "anti-corruption", "reason", "the pasture was given for a bribe")).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/admin/routing-corrections", ADMIN_KEY).body()).doesNotContain("4521-8890-1173");
    }

    @Test
    void givenATriageAppeal_whenTheDeskRoutesItToAntiCorruption_thenTheAdminCanNeitherExportItsTextNorRouteItOut() {
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(), "№ 7730-1184-5521 / 40417",
                Language.ru, false, null, "Шиен", CLOCK.instant());
        submit(appeal);
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        assertThat(act(appeal.appealId(), departmentKey("akim-office"), Map.of("action", "ROUTE",
                "targetDepartment", "anti-corruption", "reason", "the caller described a bribe")).statusCode()).isEqualTo(200);
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 2);

        assertThat(get("/api/v1/admin/routing-corrections", ADMIN_KEY).body()).doesNotContain("7730-1184-5521");
        // The admin reassigns misrouted appeals, but a report only leaves anti-corruption by its officer's forward.
        HttpResponse<String> routedOut = act(appeal.appealId(), ADMIN_KEY, Map.of("action", "ROUTE", "targetDepartment", "education"));
        HttpResponse<String> missing = act(UUID.randomUUID().toString(), ADMIN_KEY, Map.of("action", "ROUTE", "targetDepartment", "education"));
        assertProblem(routedOut, 404, "not-found");
        assertThat(withoutInstance(routedOut)).isEqualTo(withoutInstance(missing));
        assertThat(routedOut.body()).doesNotContain("7730-1184-5521");
        assertThat(json(get("/api/v1/appeals/" + appeal.appealId(), departmentKey("anti-corruption"))).get("department").asString())
                .isEqualTo("anti-corruption");
    }

    @Test
    void givenAReportSentBackToTheDeskByTheOfficer_whenTheDeskRoutesItOn_thenNoCorrectionOfItIsKeptOrExported() {
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(), "№ 6612-0045-7781 / 55120",
                Language.ru, false, null, "Шиен", CLOCK.instant());
        submit(appeal);
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        assertThat(act(appeal.appealId(), departmentKey("akim-office"), Map.of("action", "ROUTE",
                "targetDepartment", "anti-corruption", "reason", "the caller described a bribe")).statusCode()).isEqualTo(200);
        // The officer finds no report in it and sends it back to the desk, which routes it to the right department.
        assertThat(act(appeal.appealId(), departmentKey("anti-corruption"), Map.of("action", "FORWARD",
                "targetDepartment", "akim-office", "reason", "not ours")).statusCode()).isEqualTo(200);
        assertThat(act(appeal.appealId(), departmentKey("akim-office"), Map.of("action", "ROUTE",
                "targetDepartment", "education", "reason", "about a school")).statusCode()).isEqualTo(200);

        // Two steps away from anti-corruption now: its text is still not the admin's to read.
        assertThat(get("/api/v1/admin/routing-corrections", ADMIN_KEY).body()).doesNotContain("6612-0045-7781");
    }

    @Test
    void givenARejectedAppeal_whichHasNoDepartment_whenTheAdminReadsOrRoutesIt_thenAnAnswerNotAServerError() {
        AppealSubmitted anonymous = Appeals.submitted(UUID.randomUUID().toString(), "Прошу отремонтировать освещение во дворе дома.",
                Language.ru, true, null, "Узынагаш", CLOCK.instant());
        submit(anonymous);
        awaitEvents(anonymous.appealId(), LifecycleType.REJECTED.eventType(), 1);

        HttpResponse<String> read = get("/api/v1/appeals/" + anonymous.appealId(), ADMIN_KEY);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).get("status").asString()).isEqualTo("REJECTED");
        assertProblem(act(anonymous.appealId(), ADMIN_KEY, Map.of("action", "ROUTE", "targetDepartment", "education")),
                409, "appeal-state-conflict");
    }
}
