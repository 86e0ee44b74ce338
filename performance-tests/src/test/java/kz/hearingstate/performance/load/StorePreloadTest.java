package kz.hearingstate.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What a preloaded appeal looks like next to the processed appeal it copies. */
class StorePreloadTest {

    private static final String APPEAL = "0b8f3c2e-1111-4222-8333-944455556666";
    private static final long MILLIS = Instant.parse("2026-12-03T12:00:00Z").toEpochMilli();

    @Test
    void givenAProcessedAppeal_whenCopied_thenEveryDocumentNamesTheNewAppealWithNewCodesAndIds() {
        StorePreload.Family family = new StorePreload.Family(APPEAL);
        family.add("routing", "appeals", new Document("_id", APPEAL).append("department", "roads")
                .append("submitted", new Document("trackingCode", "ZH-2026-000123"))
                .append("history", List.of(new Document("eventId", APPEAL + ":submitted"))));
        family.add("intake", "appeal_status", new Document("_id", APPEAL).append("trackingCode", "ZH-2026-000123")
                .append("accessHash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        family.add("notification", "notifications", new Document("_id", "5d41402abc4b2a76b9719d911017c592")
                .append("appealId", APPEAL).append("status", "SENT").append("outcomePublished", true));
        family.add("notification", "notifications", new Document("_id", "7d793037a0760186574b0282f2f435e7")
                .append("appealId", APPEAL).append("status", "PENDING"));

        Map<String, Map<String, List<Document>>> copy =
                family.copy(new StorePreload.Stamp(MILLIS, 7), Instant.now(), Duration.ZERO);

        Document appeal = copy.get("routing").get("appeals").getFirst();
        Document status = copy.get("intake").get("appeal_status").getFirst();
        Document notification = copy.get("notification").get("notifications").getFirst();
        String newId = appeal.getString("_id");
        assertThat(family.isComplete()).isTrue();
        assertThat(newId).isNotEqualTo(APPEAL).hasSameSizeAs(APPEAL);
        assertThat(appeal.getString("department")).isEqualTo("roads");
        assertThat(appeal.get("submitted", Document.class).getString("trackingCode"))
                .isEqualTo(status.getString("trackingCode")).isNotEqualTo("ZH-2026-000123");
        assertThat(appeal.getList("history", Document.class).getFirst().getString("eventId")).isEqualTo(newId + ":submitted");
        assertThat(status.getString("_id")).isEqualTo(newId);
        assertThat(status.getString("accessHash")).hasSize(64).isNotEqualTo(
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(notification.getString("appealId")).isEqualTo(newId);
        assertThat(notification.getString("_id")).hasSize(32).isNotEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(copy.get("notification").get("notifications")).as("the pending one is not copied").hasSize(1);
        assertThat(UUID.fromString(newId).version()).isEqualTo(7);
    }

    @Test
    void givenSuccessiveStamps_whenCopied_thenIdsCodesAndHashesAscend_soABulkLoadAppendsToEveryIndex() {
        StorePreload.Family family = new StorePreload.Family(APPEAL);
        family.add("intake", "appeal_status", new Document("_id", APPEAL).append("trackingCode", "ZH-2026-000123")
                .append("accessHash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        family.add("notification", "notifications", new Document("_id", "5d41402abc4b2a76b9719d911017c592")
                .append("appealId", APPEAL).append("status", "SENT").append("outcomePublished", true));
        List<StorePreload.Stamp> stamps = List.of(new StorePreload.Stamp(MILLIS, 9), new StorePreload.Stamp(MILLIS, 10),
                new StorePreload.Stamp(MILLIS, 0xFFFF_FFFFL), new StorePreload.Stamp(MILLIS + 1, 0));

        List<Document> statuses = stamps.stream()
                .map(stamp -> family.copy(stamp, Instant.now(), Duration.ZERO).get("intake").get("appeal_status").getFirst()).toList();
        List<Document> notifications = stamps.stream()
                .map(stamp -> family.copy(stamp, Instant.now(), Duration.ZERO).get("notification").get("notifications").getFirst()).toList();

        for (String field : List.of("_id", "trackingCode", "accessHash")) {
            assertThat(statuses).extracting(status -> status.getString(field)).as(field).isSorted().doesNotHaveDuplicates();
        }
        assertThat(notifications).extracting(notification -> notification.getString("_id"))
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givenAnAge_whenCopied_thenPastTimesMoveBackByIt_andTimersStillAheadStay() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        Date received = Date.from(now.minusSeconds(90));
        Date timer = Date.from(now.plus(Duration.ofDays(30)));
        StorePreload.Family family = new StorePreload.Family(APPEAL);
        family.add("routing", "appeals", new Document("_id", APPEAL).append("registeredAt", received)
                .append("nextTimerAt", timer).append("history", List.of(new Document("at", received))));

        Document copy = family.copy(new StorePreload.Stamp(MILLIS, 1), now, Duration.ofDays(400))
                .get("routing").get("appeals").getFirst();

        Date moved = Date.from(received.toInstant().minus(Duration.ofDays(400)));
        assertThat(copy.getDate("registeredAt")).isEqualTo(moved);
        assertThat(copy.getList("history", Document.class).getFirst().getDate("at")).isEqualTo(moved);
        assertThat(copy.getDate("nextTimerAt")).isEqualTo(timer);
    }

    @Test
    void givenAnOpenAppeal_whenCopiedOlderThanTheOpenWindow_thenAnalyticsCountsItAnsweredOnTime_andAYoungCopyStaysOpen() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        Date received = Date.from(now.minusSeconds(90));
        Date deadline = Date.from(now.plus(Duration.ofDays(21)));
        StorePreload.Family family = new StorePreload.Family(APPEAL);
        family.add("routing", "appeals", new Document("_id", APPEAL).append("status", "ROUTED"));
        family.add("analytics", "appeal_facts", new Document("_id", APPEAL).append("status", "ROUTED")
                .append("receivedAt", received).append("deadline", deadline));

        Document old = family.copy(new StorePreload.Stamp(MILLIS, 1), now, Duration.ofDays(400))
                .get("analytics").get("appeal_facts").getFirst();
        Document young = family.copy(new StorePreload.Stamp(MILLIS, 2), now, Duration.ofDays(9))
                .get("analytics").get("appeal_facts").getFirst();

        Date oldReceived = Date.from(received.toInstant().minus(Duration.ofDays(400)));
        assertThat(old.getString("status")).isEqualTo("ANSWERED");
        assertThat(old.getDate("closedAt")).isEqualTo(Date.from(oldReceived.toInstant().plus(Duration.ofDays(5))))
                .isEqualTo(old.getDate("answeredAt")).isBefore(old.getDate("deadline"));
        assertThat(young.getString("status")).isEqualTo("ROUTED");
        assertThat(young.get("closedAt")).isNull();
        assertThat(family.copy(new StorePreload.Stamp(MILLIS, 3), now, Duration.ofDays(400)).get("routing").get("appeals")
                .getFirst().getString("status")).as("other services' copies keep the template's state").isEqualTo("ROUTED");
    }

    @Test
    void givenAnAppealAServiceWouldStillActOn_whenConsideredAsATemplate_thenItIsNot() {
        Date soon = Date.from(Instant.now().plus(Duration.ofHours(2)));
        Date later = Date.from(Instant.now().plus(Duration.ofDays(9)));

        assertThat(StorePreload.Family.wouldWake(new Document("outboxSince", new Date()))).isTrue();
        assertThat(StorePreload.Family.wouldWake(new Document("status", "PENDING"))).isTrue();
        assertThat(StorePreload.Family.wouldWake(new Document("status", "SENT").append("outcomePublished", false))).isTrue();
        assertThat(StorePreload.Family.wouldWake(new Document("nextTimerAt", soon))).isTrue();
        assertThat(StorePreload.Family.wouldWake(new Document("nextTimerAt", later).append("status", "ROUTED"))).isFalse();
    }

    @Test
    void givenAnalyticsFacts_whenTheirMonthsAreCounted_thenEachMonthOfReceiptIsNamedOnceInUtc_andFactsNotReceivedNone() {
        List<Document> facts = List.of(
                new Document("_id", "a").append("receivedAt", Date.from(Instant.parse("2026-02-28T23:59:59Z"))),
                new Document("_id", "b").append("receivedAt", Date.from(Instant.parse("2026-03-01T00:00:00Z"))),
                new Document("_id", "c").append("receivedAt", Date.from(Instant.parse("2026-03-20T06:00:00Z"))),
                new Document("_id", "d"));

        assertThat(StorePreload.receiptMonths(facts)).containsExactly("2026-02", "2026-03");
    }
}
