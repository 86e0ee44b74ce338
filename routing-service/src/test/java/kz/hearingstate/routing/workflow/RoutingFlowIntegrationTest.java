package kz.hearingstate.routing.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventSchemas;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import kz.hearingstate.testing.TopicRecorder.Recorded;
import kz.hearingstate.web.security.ApiPrincipal;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoutingFlowIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private AppealWorkflow workflow;
    @Autowired
    private AppealStore store;

    @Test
    void givenASubmittedAppeal_whenRoutingConsumesIt_thenTheDepartmentInboxAndTheLifecycleGetOneSchemaValidEventEach() {
        AppealSubmitted appeal = Appeals.submitted("Третий день нет воды, прорвало трубу водопровода на нашей улице.",
                Language.ru, CLOCK.instant());
        submit(appeal);

        Recorded assigned = awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst();
        Recorded routed = awaitEvents(appeal.appealId(), LifecycleType.ROUTED.eventType(), 1).getFirst();

        assertThat(assigned.topic()).isEqualTo(Topics.departmentInbox("housing-utilities"));
        assertThat(assigned.key()).isEqualTo(appeal.appealId());
        assertThat(EventSchemas.violations(EventTypes.APPEAL_ASSIGNED, body(assigned))).isEmpty();
        assertThat(body(assigned).get("citizen").get("phone").asString()).isEqualTo("+77010000000");
        assertThat(routed.topic()).isEqualTo(Topics.APPEALS_LIFECYCLE);
        assertThat(routed.id()).isEqualTo(appeal.appealId() + ":1");
        assertThat(EventSchemas.violations(routed.type(), body(routed))).isEmpty();
        JsonNode event = body(routed);
        assertThat(event.get("department").asString()).isEqualTo("housing-utilities");
        assertThat(event.get("status").asString()).isEqualTo("ROUTED");
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        assertThat(event.get("confidence").asDouble()).isBetween(0.35, 1.0);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void givenRoutedAppeals_thenTheMetricsAreExposedAndTheCitizensDataNeverReachesTheLog(CapturedOutput output) {
        AppealSubmitted appeal = Appeals.submitted("Көшеде жарық жоқ, электр желісі бұзылған.", Language.kk, CLOCK.instant());
        submit(appeal);
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);

        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("appeals_routed_total{", "department=\"housing-utilities\"",
                "appeal_routing_latency_seconds_bucket", "application=\"routing-service\"");
        assertThat(output.getAll()).contains(appeal.appealId())
                .doesNotContain(appeal.citizen().phone(), appeal.citizen().iin(), appeal.citizen().email(), appeal.citizen().fullName());
    }

    @Test
    void givenARoutedAppeal_whenTheSameEventIsDeliveredAgain_thenNothingNewIsPublished() throws Exception {
        AppealSubmitted appeal = Appeals.submitted("The school canteen serves cold food to the pupils.", Language.en, CLOCK.instant());
        submit(appeal);
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);

        submit(appeal);
        AppealSubmitted marker = Appeals.submitted("Школьный автобус не приезжает в аул.", Language.ru, CLOCK.instant());
        submit(marker); // same partition order is not guaranteed, so wait for a later appeal and then some
        awaitEvents(marker.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        Thread.sleep(1000);

        assertThat(recorder().forKey(appeal.appealId())).extracting(Recorded::id)
                .containsExactlyInAnyOrder(appeal.appealId() + ":1", appeal.appealId() + ":1:assigned");
    }

    @Test
    void givenAComplaintAccusingADepartmentOfBribery_whenRouted_thenItGoesToAntiCorruptionNotTheAccusedDepartment() {
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(),
                "Директор школы требует взятку за место в первом классе.", Language.ru, false, "schools", "Самсы", CLOCK.instant());
        submit(appeal);

        Recorded assigned = awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst();
        assertThat(assigned.topic()).isEqualTo(Topics.departmentInbox("anti-corruption"));
        assertThat(recorder().forKey(appeal.appealId())).noneMatch(r -> r.topic().equals(Topics.departmentInbox("education")));
    }

    @Test
    void givenAnAnonymousAppealWithoutACrime_whenRouted_thenItIsRejectedAsNotConsideredAndReachesNoInbox() throws Exception {
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(),
                "Во дворе не вывозят мусор уже две недели.", Language.ru, true, null, "Узынагаш", CLOCK.instant());
        submit(appeal);

        Recorded rejected = awaitEvents(appeal.appealId(), LifecycleType.REJECTED.eventType(), 1).getFirst();
        assertThat(EventSchemas.violations(rejected.type(), body(rejected))).isEmpty();
        assertThat(body(rejected).get("reason").asString()).contains("APPK: anonymous appeals are not considered");
        Thread.sleep(500);
        assertThat(recorder().forKey(appeal.appealId())).extracting(Recorded::type)
                .containsExactly(LifecycleType.REJECTED.eventType());
    }

    @Test
    void givenAnAnonymousThreat_whenRouted_thenItGoesToPublicOrderAtOnce() {
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(),
                "Сосед угрожает убить мою семью, у него есть оружие.", Language.ru, true, null, "Каракастек", CLOCK.instant());
        submit(appeal);

        Recorded assigned = awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst();
        assertThat(assigned.topic()).isEqualTo(Topics.departmentInbox("public-order"));
        assertThat(body(assigned).get("anonymous").asBoolean()).isTrue();
    }

    @Test
    void givenAnAdminOverrideRule_whenAMatchingAppealArrives_thenTheRuleDecides_andBadRulesAreRefused() {
        var created = post("/api/v1/admin/routing-rules", ADMIN_KEY, java.util.Map.of("pattern", "газопровод\\w*",
                "department", "land-construction", "description", "gas pipeline construction is the land and construction department's"));
        assertThat(created.statusCode()).isEqualTo(201);
        String ruleId = json(created).get("id").asString();
        try {
            AppealSubmitted appeal = Appeals.submitted("Когда подключат наш дом к газопроводу?", Language.ru, CLOCK.instant());
            submit(appeal);
            Recorded routed = awaitEvents(appeal.appealId(), LifecycleType.ROUTED.eventType(), 1).getFirst();
            assertThat(body(routed).get("department").asString()).isEqualTo("land-construction");
            assertThat(body(routed).get("reason").asString()).contains("override rule " + ruleId);
        } finally {
            assertThat(delete("/api/v1/admin/routing-rules/" + ruleId, ADMIN_KEY).statusCode()).isEqualTo(204);
        }
        var badPattern = post("/api/v1/admin/routing-rules", ADMIN_KEY, java.util.Map.of("pattern", "([unclosed", "department", "health"));
        assertThat(badPattern.statusCode()).isEqualTo(400);
        assertThat(json(badPattern).get("errors").get(0).get("field").asString()).isEqualTo("pattern");
        // A word boundary beside a Cyrillic word: RE2 compiles it, and it would never match "взятку".
        var asciiBoundary = post("/api/v1/admin/routing-rules", ADMIN_KEY, java.util.Map.of("pattern", "\\bвзятк", "department", "health"));
        assertThat(asciiBoundary.statusCode()).isEqualTo(400);
        assertThat(json(asciiBoundary).get("errors").get(0).get("message").asString()).contains("right beside a letter outside ASCII");
        var unknownDepartment = post("/api/v1/admin/routing-rules", ADMIN_KEY, java.util.Map.of("pattern", "x", "department", "mars"));
        assertThat(unknownDepartment.statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/admin/routing-rules", departmentKey("health"), java.util.Map.of("pattern", "x", "department", "health"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void givenPoisonRecords_whenConsumed_thenTheyGoToTheDeadLetterTopicAndTheNextAppealIsStillRouted() {
        String notJson = "poison-" + UUID.randomUUID();
        String schemaBreaking = "poison-" + UUID.randomUUID();
        publishRaw(Topics.APPEALS_SUBMITTED, notJson, "submitted:" + notJson, EventTypes.APPEAL_SUBMITTED,
                "{not json".getBytes(StandardCharsets.UTF_8));
        publishRaw(Topics.APPEALS_SUBMITTED, schemaBreaking, "submitted:" + schemaBreaking, EventTypes.APPEAL_SUBMITTED,
                "{\"appealId\": 42}".getBytes(StandardCharsets.UTF_8));
        AppealSubmitted valid = Appeals.submitted("Ветеринар не приезжает, коровы болеют.", Language.ru, CLOCK.instant());
        submit(valid);

        assertThat(awaitEvents(valid.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst().topic())
                .isEqualTo(Topics.departmentInbox("agriculture"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                kcat(Topics.deadLetter(Topics.APPEALS_SUBMITTED, "routing")).stream()
                        .map(r -> r.get("key").asString()).toList().containsAll(List.of(notJson, schemaBreaking)));
    }

    @Test
    void givenAStormWithRedeliveriesAndAPoisonRecordAmongIt_whenConsumedInBatches_thenEachAppealIsRoutedOnceAndOnlyThePoisonIsDeadLettered() {
        List<AppealSubmitted> storm = IntStream.range(0, 120).mapToObj(i -> Appeals.submitted(
                "Третий день нет воды в доме " + i + ", прорвало трубу водопровода.", Language.ru, CLOCK.instant())).toList();
        String poison = "poison-" + UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        storm.subList(0, 60).forEach(appeal -> records.add(submitted(appeal)));
        records.add(record(Topics.APPEALS_SUBMITTED, poison, "submitted:" + poison, EventTypes.APPEAL_SUBMITTED,
                "{not json".getBytes(StandardCharsets.UTF_8)));
        storm.subList(60, 120).forEach(appeal -> records.add(submitted(appeal)));
        records.add(submitted(storm.get(0)));   // redelivered after its batch
        records.add(submitted(storm.get(119))); // redelivered right behind itself
        publishAtOnce(records);

        storm.forEach(appeal -> awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                kcat(Topics.deadLetter(Topics.APPEALS_SUBMITTED, "routing")).stream()
                        .map(r -> r.get("key").asString()).toList().contains(poison));
        AppealSubmitted marker = Appeals.submitted("Автобус ауылға келмейді.", Language.kk, CLOCK.instant());
        submit(marker);
        awaitEvents(marker.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        assertThat(storm).allSatisfy(appeal -> {
            assertThat(recorder().ofType(appeal.appealId(), EventTypes.APPEAL_ASSIGNED)).hasSize(1);
            assertThat(recorder().ofType(appeal.appealId(), LifecycleType.ROUTED.eventType())).hasSize(1);
            assertThat(store.find(appeal.appealId()).orElseThrow().outbox()).isEmpty();
        });
    }

    @Test
    void givenTwoWarnedAppeals_whenOneWaitsForTheCitizen_thenOnlyTheOtherIsAtRisk() {
        Instant at = CLOCK.instant().minusSeconds(120);
        List<RoutedAppeal> warned = Stream.of("Мектепте жылу жоқ.", "The school bus does not come.")
                .map(text -> workflow.route(Appeals.submitted(text, Language.kk, at), new RoutingDecision(
                        "education", "education", null, 0.9, false, false, Reason.classifier(0.9)), at))
                .toList();
        RoutedAppeal paused = warned.get(0);
        workflow.apply(paused, new Command("info-" + paused.appealId, paused.appealId, ActionType.REQUEST_INFO,
                ApiPrincipal.department("education"), "Which school?", null, null, null, null), at.plusSeconds(60));
        warned.forEach(appeal -> appeal.slaState = SlaState.WARNED); // as the clock marked both before the pause
        warned.forEach(store::insert);

        // The clock stands while the citizen is asked: the paused appeal is at no risk until they answer.
        assertThat(store.atRisk(0, 200)).extracting(RoutedAppeal::appealId)
                .contains(warned.get(1).appealId()).doesNotContain(paused.appealId());
    }

    @Test
    void givenABatchWithAnAppealStoredAlready_whenInsertedInOneWrite_thenTheOthersAreThisCallsAndTheStoredOneIsNot() {
        Instant at = CLOCK.instant().minusSeconds(120);
        List<RoutedAppeal> batch = Stream.of("Жол жөндеу керек.", "Яма на дороге.", "Pothole on the road.")
                .map(text -> workflow.route(Appeals.submitted(text, Language.ru, at), new RoutingDecision(
                        "roads-transport", "roads-transport", null, 0.9, false, false, Reason.classifier(0.9)), at))
                .toList();
        assertThat(store.insert(batch.get(1))).isTrue(); // delivered before, or stored by another instance

        // The first was inserted by the write that stopped at the second: it is this call's, to be counted as routed.
        assertThat(store.insertAll(batch)).extracting(RoutedAppeal::appealId)
                .containsExactly(batch.get(0).appealId(), batch.get(2).appealId());
        store.publishPending(batch.stream().map(appeal -> store.find(appeal.appealId()).orElseThrow()).toList());
    }

    @Test
    void givenAnAppealRoutedBefore_whenDeliveredAgain_thenItKeepsItsDepartmentAndNothingIsPublishedAgain() {
        AppealSubmitted appeal = Appeals.submitted("Яма на дороге возле рынка, машины бьют колёса.", Language.ru,
                CLOCK.instant());
        // Routed earlier to a department the classifier would not choose today (an override rule since disabled, say).
        RoutedAppeal earlier = workflow.route(appeal, new RoutingDecision(
                "education", "education", null, 0.9, false, false, Reason.overrideRule("r1")), CLOCK.instant());
        assertThat(store.insert(earlier)).isTrue();
        store.publishPending(earlier);
        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);

        submit(appeal); // the redelivery: the stored appeal wins, whatever the classifier says today
        AppealSubmitted marker = Appeals.submitted("Автобус ауылға келмейді.", Language.kk, CLOCK.instant());
        submit(marker);
        awaitEvents(marker.appealId(), EventTypes.APPEAL_ASSIGNED, 1);

        assertThat(store.find(appeal.appealId()).orElseThrow().department()).isEqualTo("education");
        assertThat(store.find(appeal.appealId()).orElseThrow().history()).as("the reason's code and arguments, stored and read back")
                .extracting(HistoryEntry::why).containsExactly(Reason.overrideRule("r1"));
        assertThat(recorder().ofType(appeal.appealId(), EventTypes.APPEAL_ASSIGNED)).singleElement()
                .extracting(Recorded::topic).isEqualTo(Topics.departmentInbox("education"));
        assertThat(recorder().ofType(appeal.appealId(), LifecycleType.ROUTED.eventType())).hasSize(1);
    }

    @Test
    void givenACrashBetweenSavingAndPublishing_whenTheTimerRuns_thenThePendingEventsArePublishedOnceAndTheOutboxEmpties() {
        AppealSubmitted appeal = Appeals.submitted("Жол жөндеу керек, шұңқыр көп.", Language.kk, CLOCK.instant());
        // What a crash leaves behind: the routed appeal saved with its events, none of them sent.
        RoutedAppeal saved = workflow.route(appeal, new RoutingDecision(
                "roads-transport", "roads-transport", null, 0.9, false, false, Reason.classifier(0.9)), CLOCK.instant().minusSeconds(120));
        assertThat(store.insert(saved)).isTrue();

        awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> store.find(appeal.appealId()).orElseThrow().outbox().isEmpty());
        assertThat(recorder().forKey(appeal.appealId())).extracting(Recorded::id) // two topics: no order between them
                .containsExactlyInAnyOrder(appeal.appealId() + ":1", appeal.appealId() + ":1:assigned");

        submit(appeal); // the redelivery that would follow the crash: nothing new
        AppealSubmitted marker = Appeals.submitted("Автобус ауылға келмейді.", Language.kk, CLOCK.instant());
        submit(marker);
        awaitEvents(marker.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        assertThat(recorder().forKey(appeal.appealId())).hasSize(2);
    }

    @Test
    void givenAnAppealFromASettlementOutsideTheDistrict_whenRouted_thenItGoesToTheTriageDesk() {
        AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(),
                "Яма на дороге возле рынка, повредил колесо.", Language.ru, false, null, "Каскелен", CLOCK.instant());
        submit(appeal);

        Recorded assigned = awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst();
        assertThat(assigned.topic()).isEqualTo(Topics.departmentInbox("akim-office"));
        List<Recorded> routed = recorder().ofType(appeal.appealId(), LifecycleType.ROUTED.eventType());
        assertThat(body(routed.getFirst()).get("reason").asString()).contains("triage");
    }
}
