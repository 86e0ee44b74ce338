package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.feedback;
import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.outcome;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static kz.hearingstate.events.AppealStatus.ANSWERED;
import static kz.hearingstate.events.AppealStatus.FORWARDED;
import static kz.hearingstate.events.AppealStatus.IN_PROGRESS;
import static kz.hearingstate.events.AppealStatus.REJECTED;
import static kz.hearingstate.events.AppealStatus.ROUTED;
import static kz.hearingstate.events.LifecycleType.ACCEPTED;
import static kz.hearingstate.events.LifecycleType.REOPENED;
import static kz.hearingstate.events.LifecycleType.SLA_BREACHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kz.hearingstate.analytics.figures.StatsService;
import kz.hearingstate.analytics.metrics.BusinessMetrics;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.NotificationOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Eight appeals received in March 2026 (plus one in February, outside the period asked for), answered on
 * time and late, forwarded, rejected, reopened, rated, and some left open, sent over Kafka as the other
 * services would, with some events delivered twice. Every expected figure is worked out by hand in the
 * comments. "Now" is 2026-03-20T06:00Z.
 *
 * <pre>
 * id  dept       channel lang cat       settlement received (UTC)   first action     first answer    closed           deadline         status
 * s1  roads      web     kk   potholes  Uzynagash  03-02 04:00      accept +2h       +48h (03-04)    03-04 04:00      03-12 13:00      ANSWERED, rated 5 solved
 * s2  roads      sms     ru   potholes  Uzynagash  03-02 05:00      answer +288h     +288h (03-14)   03-14 05:00 LATE 03-12 13:00      ANSWERED, rated 2 unsolved
 * s3  roads      web     ru   lighting  Samsy      03-03 03:00      forward +24h     -               03-04 03:00      03-13 13:00      FORWARDED
 * s4  utilities  web     kk   water     Uzynagash  03-03 06:00      accept +2h       +48h (03-05)    03-07 06:00      03-13 13:00      ANSWERED after a reopen, rated 4 solved
 * s5  utilities  api     en   water     Mynbaev    03-05 02:00      reject +6h       -               03-05 08:00      03-15 13:00      REJECTED
 * s6  utilities  web     ru   water     Uzynagash  03-16 04:00      accept +6h       -               open             03-19 13:00      IN_PROGRESS, overdue, 98h old
 * s7  roads      sms     kk   potholes  Samsy      03-18 04:00      -                -               open             03-30 13:00      ROUTED, 50h old
 * s8  (none)     web     ru   (none)    (none)     03-19 10:00      -                -               open             03-31 13:00      SUBMITTED, 20h old
 * s9  roads      web     ru   potholes  Uzynagash  02-20 05:00      (outside the period 03-01..03-20)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptedScenarioIntegrationTest extends AnalyticsIntegrationTest {

    private static final String PERIOD = "from=2026-03-01T00:00:00Z&to=2026-03-20T00:00:00Z";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    BusinessMetrics metrics;
    @Autowired
    StatsService stats;

    @BeforeAll
    void givenTheScenarioWasSentOverKafka() {
        // The directory first, as routing publishes it when it starts: an appeal counts in the splits once its
        // department is read (and not confidential), and "roads" is a department of this scenario alone.
        theDirectoryIsRead();
        send(TestEvents.department("roads", 1, "Жолдар бөлімі", "Отдел дорог", "Roads", "+7 727 700 0001", true, false, NOW));
        await().atMost(Duration.ofSeconds(20)).until(() -> getJson("/api/v1/public/departments")
                .findValuesAsString("code").contains("roads"));

        appeal("s1", "roads", "web", Language.kk, "potholes", "Uzynagash", "2026-03-02T04:00:00Z", "2026-03-12T13:00:00Z");
        step("s1", 2, ACCEPTED, IN_PROGRESS, "roads", "2026-03-02T06:00:00Z");
        step("s1", 3, LifecycleType.ANSWERED, ANSWERED, "roads", "2026-03-04T04:00:00Z");
        step("s1", 3, LifecycleType.ANSWERED, ANSWERED, "roads", "2026-03-04T04:00:00Z"); // redelivered
        send(feedback("f1", "s1", 5, true, at("2026-03-05T04:00:00Z")));
        send(feedback("f1", "s1", 5, true, at("2026-03-05T04:00:00Z"))); // redelivered

        appeal("s2", "roads", "sms", Language.ru, "potholes", "Uzynagash", "2026-03-02T05:00:00Z", "2026-03-12T13:00:00Z");
        step("s2", 2, SLA_BREACHED, ROUTED, "roads", "2026-03-12T13:00:00Z");
        step("s2", 3, LifecycleType.ANSWERED, ANSWERED, "roads", "2026-03-14T05:00:00Z");
        send(feedback("f2-old", "s2", 3, false, at("2026-03-14T06:00:00Z")));
        send(feedback("f2", "s2", 2, false, at("2026-03-15T05:00:00Z"))); // the latest feedback counts

        appeal("s3", "roads", "web", Language.ru, "lighting", "Samsy", "2026-03-03T03:00:00Z", "2026-03-13T13:00:00Z");
        step("s3", 2, LifecycleType.FORWARDED, FORWARDED, "roads", "2026-03-04T03:00:00Z");

        appeal("s4", "utilities", "web", Language.kk, "water", "Uzynagash", "2026-03-03T06:00:00Z", "2026-03-13T13:00:00Z");
        step("s4", 2, ACCEPTED, IN_PROGRESS, "utilities", "2026-03-03T08:00:00Z");
        step("s4", 3, LifecycleType.ANSWERED, ANSWERED, "utilities", "2026-03-05T06:00:00Z");
        step("s4", 4, REOPENED, IN_PROGRESS, "utilities", "2026-03-06T06:00:00Z");
        step("s4", 5, LifecycleType.ANSWERED, ANSWERED, "utilities", "2026-03-07T06:00:00Z");
        send(feedback("f4", "s4", 4, true, at("2026-03-08T06:00:00Z")));

        appeal("s5", "utilities", "api", Language.en, "water", "Mynbaev", "2026-03-05T02:00:00Z", "2026-03-15T13:00:00Z");
        step("s5", 2, LifecycleType.REJECTED, REJECTED, "utilities", "2026-03-05T08:00:00Z");

        appeal("s6", "utilities", "web", Language.ru, "water", "Uzynagash", "2026-03-16T04:00:00Z", "2026-03-19T13:00:00Z");
        step("s6", 2, ACCEPTED, IN_PROGRESS, "utilities", "2026-03-16T10:00:00Z");

        appeal("s7", "roads", "sms", Language.kk, "potholes", "Samsy", "2026-03-18T04:00:00Z", "2026-03-30T13:00:00Z");

        send(submitted("s8", "web", Language.ru, null, null, null, null, at("2026-03-19T10:00:00Z"), at("2026-03-31T13:00:00Z")));

        appeal("s9", "roads", "web", Language.ru, "potholes", "Uzynagash", "2026-02-20T05:00:00Z", "2026-03-03T13:00:00Z");

        send(outcome("n1", "s1", NotificationOutcome.DELIVERED, at("2026-03-02T04:31:00Z")));
        send(outcome("n2", "s1", NotificationOutcome.DELIVERED, at("2026-03-04T04:01:00Z")));
        send(outcome("n2", "s1", NotificationOutcome.DELIVERED, at("2026-03-04T04:01:00Z"))); // redelivered
        send(outcome("n3", "s2", NotificationOutcome.FAILED, at("2026-03-02T05:11:00Z")));

        // Everything has arrived once the last appeal's notification is counted and every status is final.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode summary = getJson("/api/v1/stats/summary?" + PERIOD);
            assertThat(summary.at("/figures/received").asInt()).isEqualTo(8);
            assertThat(summary.at("/notifications/failed").asInt()).isEqualTo(1);
            assertThat(summary.at("/byStatus/ANSWERED").asInt()).isEqualTo(3);
            assertThat(summary.at("/figures/satisfaction/feedbackCount").asInt()).isEqualTo(3);
            assertThat(summary.at("/figures/forwarded").asInt() + summary.at("/figures/rejected").asInt()).isEqualTo(2);
            assertThat(summary.at("/figures/open").asInt()).isEqualTo(3);
            assertThat(summary.at("/figures/reopenRate/count").asInt()).isEqualTo(1);
        });
    }

    @Test
    void givenTheScenario_whenTheSummaryIsAsked_thenEveryFigureEqualsTheHandComputedOne() {
        JsonNode summary = getJson("/api/v1/stats/summary?" + PERIOD);
        JsonNode figures = summary.get("figures");

        assertThat(figures.get("received").asInt()).isEqualTo(8);   // s1..s8; s9 is February
        assertThat(figures.get("routed").asInt()).isEqualTo(7);     // all but s8
        assertThat(figures.get("answered").asInt()).isEqualTo(3);   // s1, s2, s4
        assertThat(figures.get("forwarded").asInt()).isEqualTo(1);  // s3
        assertThat(figures.get("rejected").asInt()).isEqualTo(1);   // s5
        assertThat(figures.get("open").asInt()).isEqualTo(3);       // s6, s7, s8
        assertThat(figures.get("overdue").asInt()).isEqualTo(1);    // s6: deadline 03-19 13:00 < now
        // Ages at the start of 03-20 in Almaty (03-19 19:00 UTC), as the public figures take them: s8 9h, s7 39h, s6 87h.
        assertThat(ints(figures.get("backlogByAge")).entrySet()).containsExactly(Map.entry("under1d", 1),
                Map.entry("1to3d", 1), Map.entry("3to7d", 1), Map.entry("7to15d", 0), Map.entry("15dPlus", 0));

        // First action, hours after receipt: s1 2, s2 288, s3 24, s4 2, s5 6, s6 6 -> sorted 2 2 6 6 24 288.
        // Median = nearest rank ceil(0.5*6)=3rd = 6; p90 = ceil(0.9*6)=6th = 288.
        assertDuration(figures.get("timeToFirstAction"), 6, 6.0, 288.0);
        // First answer: s1 48, s2 288, s4 48 (the reopen does not move it) -> median 2nd = 48, p90 3rd = 288.
        assertDuration(figures.get("timeToAnswer"), 3, 48.0, 288.0);
        // Closed: s1 on time, s2 late, s3 on time, s4 on time (re-answered 03-07), s5 on time -> 4/5.
        assertRatio(figures.get("slaCompliance"), 4, 5, 0.8);
        // Latest ratings: s1 5 solved, s2 2 unsolved (f2 replaced f2-old), s4 4 solved -> 11/3 = 3.67, 2/3 solved.
        JsonNode satisfaction = figures.get("satisfaction");
        assertThat(satisfaction.get("feedbackCount").asInt()).isEqualTo(3);
        assertThat(satisfaction.get("averageRating").asDouble()).isEqualTo(3.67);
        assertThat(satisfaction.get("solvedRate").asDouble()).isEqualTo(0.67);
        // Ever answered: s1, s2, s4; reopened: s4 -> 1/3.
        assertRatio(figures.get("reopenRate"), 1, 3, 0.33);

        assertThat(ints(summary.get("byStatus"))).containsExactlyInAnyOrderEntriesOf(Map.of("SUBMITTED", 1, "ROUTED", 1,
                "IN_PROGRESS", 1, "INFO_REQUESTED", 0, "ANSWERED", 3, "FORWARDED", 1, "REJECTED", 1));
        assertThat(ints(summary.get("byDepartment"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("roads", 4, "utilities", 3, "unassigned", 1));
        // The splits count routed appeals only (a report must never enter them, even before routing): not s8.
        assertThat(ints(summary.get("byCategory"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("potholes", 3, "lighting", 1, "water", 3));
        assertThat(ints(summary.get("byChannel"))).containsExactlyInAnyOrderEntriesOf(Map.of("web", 4, "sms", 2, "api", 1));
        assertThat(ints(summary.get("bySettlement"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("uzynagash", 4, "samsy", 2, "mynbaev", 1));
        assertThat(ints(summary.get("byLanguage"))).containsExactlyInAnyOrderEntriesOf(Map.of("kk", 3, "ru", 3, "en", 1));
        // n1, n2 delivered (n2 twice, counted once), n3 failed.
        assertThat(summary.at("/notifications/delivered").asInt()).isEqualTo(2);
        assertThat(summary.at("/notifications/failed").asInt()).isEqualTo(1);
    }

    @Test
    void givenAppealsCarryingCitizensData_whenAnalyticsStoredThem_thenNoCollectionHoldsAnyPersonalData() {
        List<String> forbidden = List.of(TestEvents.CITIZEN_NAME, TestEvents.CITIZEN_IIN, TestEvents.CITIZEN_PHONE,
                TestEvents.CITIZEN_EMAIL, TestEvents.APPEAL_TEXT, TestEvents.STREET_ADDRESS, "Potholes", "T-S1");
        assertThat(mongo.getCollectionNames()).contains("appeal_facts");
        for (String collection : mongo.getCollectionNames()) {
            String stored = mongo.findAll(Document.class, collection).stream().map(Document::toJson)
                    .collect(Collectors.joining("\n"));
            assertThat(stored).as(collection).doesNotContain(forbidden);
        }
        assertThat(mongo.findById("s1", Document.class, "appeal_facts")).isNotNull();
    }

    @Test
    void givenTheScenario_whenPrometheusScrapes_thenTheBusinessMetricsAreThereWithTheApplicationTag() {
        metrics.refreshDepartments(stats.departmentGauges(List.of()));
        String scrape = get("/actuator/prometheus").body();

        assertThat(scrape).containsPattern("appeals_answered_total\\{application=\"analytics-service\",department=\"roads\"\\} [1-9]");
        assertThat(scrape).containsPattern("appeals_backlog_appeals\\{application=\"analytics-service\",department=\"utilities\"\\} [1-9]");
        assertThat(scrape).contains("appeals_sla_compliance{application=\"analytics-service\",department=\"roads\"}");
        assertThat(scrape).contains("appeals_overdue_appeals{application=\"analytics-service\",department=\"utilities\"}");
        assertThat(scrape).as("consumer lag of the analytics group").contains("spring_cloud_stream_binder_kafka_offset");
    }

    @Test
    void givenTheScenario_whenDepartmentsAreAsked_thenEachHasItsHandComputedFigures() {
        // The summary settles first; a department figure may still wait for its last lifecycle update. Waiting
        // tolerates delay only: a wrong final figure still fails after 30 s.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode departments = getJson("/api/v1/stats/departments?" + PERIOD);
            assertThat(departments.size()).isEqualTo(3);

            JsonNode roads = department(departments, "roads"); // s1, s2, s3, s7
            assertThat(roads.get("received").asInt()).isEqualTo(4);
            assertThat(roads.get("answered").asInt()).isEqualTo(2);
            assertThat(roads.get("forwarded").asInt()).isEqualTo(1);
            assertThat(roads.get("open").asInt()).isEqualTo(1);
            assertThat(roads.get("overdue").asInt()).isEqualTo(0);
            assertDuration(roads.get("timeToFirstAction"), 3, 24.0, 288.0); // 2 24 288
            assertDuration(roads.get("timeToAnswer"), 2, 48.0, 288.0);      // 48 288: median 1st, p90 2nd
            assertRatio(roads.get("slaCompliance"), 2, 3, 0.67);            // s1 yes, s2 no, s3 yes
            assertThat(roads.at("/satisfaction/averageRating").asDouble()).isEqualTo(3.5); // (5+2)/2
            assertThat(roads.at("/satisfaction/solvedRate").asDouble()).isEqualTo(0.5);
            assertRatio(roads.get("reopenRate"), 0, 2, 0.0);

            JsonNode utilities = department(departments, "utilities"); // s4, s5, s6
            assertThat(utilities.get("received").asInt()).isEqualTo(3);
            assertThat(utilities.get("answered").asInt()).isEqualTo(1);
            assertThat(utilities.get("rejected").asInt()).isEqualTo(1);
            assertThat(utilities.get("overdue").asInt()).isEqualTo(1);
            assertDuration(utilities.get("timeToFirstAction"), 3, 6.0, 6.0); // 2 6 6
            assertDuration(utilities.get("timeToAnswer"), 1, 48.0, 48.0);
            assertRatio(utilities.get("slaCompliance"), 2, 2, 1.0);
            assertThat(utilities.at("/satisfaction/averageRating").asDouble()).isEqualTo(4.0);
            assertRatio(utilities.get("reopenRate"), 1, 1, 1.0);

            JsonNode unassigned = department(departments, "unassigned"); // s8
            assertThat(unassigned.get("received").asInt()).isEqualTo(1);
            assertThat(unassigned.get("open").asInt()).isEqualTo(1);
            assertThat(unassigned.at("/timeToAnswer/medianHours").isNull()).isTrue();
        });
    }

    @Test
    void givenTheScenario_whenWeeklyReceivedAreAsked_thenAlmatyWeeksStartOnMondayAndEmptyWeeksShowZero() {
        // Almaty is UTC+5. Week of Mon 03-02: s1..s5; week of 03-09: none; week of 03-16: s6, s7, s8 (03-19 15:00 local).
        JsonNode series = getJson("/api/v1/stats/timeseries?metric=received&interval=week&" + PERIOD);
        assertThat(series.get("zone").asString()).isEqualTo("Asia/Almaty");
        assertThat(points(series)).containsExactly(
                Map.entry("2026-03-02", 5), Map.entry("2026-03-09", 0), Map.entry("2026-03-16", 3));
    }

    @Test
    void givenTheScenario_whenDailyAnswersOfRoadsAreAsked_thenEachFirstAnswerCountsOnItsDay() {
        // roads' first answers: s1 on 03-04, s2 on 03-14; the days between are zero.
        JsonNode series = getJson("/api/v1/stats/timeseries?metric=answered&interval=day&department=roads&" + PERIOD);
        var points = points(series);
        assertThat(points).hasSize(11);
        assertThat(points.getFirst()).isEqualTo(Map.entry("2026-03-04", 1));
        assertThat(points.getLast()).isEqualTo(Map.entry("2026-03-14", 1));
        assertThat(points.stream().mapToInt(Map.Entry::getValue).sum()).isEqualTo(2);
    }

    @Test
    void givenTheScenario_whenMonthlyReceivedAreFilteredBySettlementAndLanguage_thenOnlyMatchingAppealsCount() {
        // Uzynagash in Kazakh: s1 and s4.
        JsonNode series = getJson("/api/v1/stats/timeseries?metric=received&interval=month&settlement=uzynagash&language=kk&" + PERIOD);
        assertThat(points(series)).containsExactly(Map.entry("2026-03-01", 2));
        assertThat(series.at("/filters/settlement").asString()).isEqualTo("uzynagash");
        // Water appeals that were rejected: s5 on 03-05.
        assertThat(points(getJson("/api/v1/stats/timeseries?metric=rejected&interval=day&category=water&" + PERIOD)))
                .containsExactly(Map.entry("2026-03-05", 1));
    }

    @Test
    void givenAnAppealOutsideThePeriod_whenMonthlyReceivedAreAskedForAllTime_thenFebruaryCountsItToo() {
        JsonNode series = getJson("/api/v1/stats/timeseries?metric=received&interval=month&to=2026-03-20T00:00:00Z&from=2026-02-01");
        assertThat(points(series)).containsExactly(Map.entry("2026-02-01", 1), Map.entry("2026-03-01", 8));
    }

    private void appeal(String id, String department, String channel, Language language, String category,
            String settlement, String receivedAt, String deadline) {
        send(submitted(id, channel, language, null, settlement, null, null, at(receivedAt), at(deadline)));
        send(lifecycle(id, 1, LifecycleType.ROUTED, ROUTED, department, category, at(deadline),
                at(receivedAt).plus(Duration.ofMinutes(10))));
    }

    private void step(String id, long sequence, LifecycleType type, kz.hearingstate.events.AppealStatus status,
            String department, String at) {
        send(lifecycle(id, sequence, type, status, department, null, null, at(at)));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static JsonNode department(JsonNode departments, String code) {
        for (JsonNode department : departments) {
            if (department.get("department").asString().equals(code)) {
                return department.get("figures");
            }
        }
        throw new AssertionError("No department " + code + " in " + departments);
    }

    static Map<String, Integer> ints(JsonNode object) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asInt()));
        return values;
    }

    static java.util.List<Map.Entry<String, Integer>> points(JsonNode series) {
        java.util.List<Map.Entry<String, Integer>> points = new java.util.ArrayList<>();
        series.get("points").forEach(point -> points.add(Map.entry(point.get("period").asString(), point.get("count").asInt())));
        return points;
    }

    static void assertDuration(JsonNode stats, int count, double median, double p90) {
        assertThat(stats.get("count").asInt()).isEqualTo(count);
        assertThat(stats.get("medianHours").asDouble()).isEqualTo(median);
        assertThat(stats.get("p90Hours").asDouble()).isEqualTo(p90);
    }

    static void assertRatio(JsonNode ratio, int count, int outOf, double rate) {
        assertThat(ratio.get("count").asInt()).isEqualTo(count);
        assertThat(ratio.get("outOf").asInt()).isEqualTo(outOf);
        assertThat(ratio.get("rate").asDouble()).isEqualTo(rate);
    }
}
