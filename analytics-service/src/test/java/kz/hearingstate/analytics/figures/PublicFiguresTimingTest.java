package kz.hearingstate.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.hearingstate.analytics.TestEvents;
import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import org.junit.jupiter.api.Test;

/** What polling the public figures could tell of when one appeal came: no more than its day. */
class PublicFiguresTimingTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** Yesterday 09:00 in Almaty. */
    private static final Instant RECEIVED = Instant.parse("2026-03-19T04:00:00Z");
    private static final Period MARCH = new Period(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));

    @Test
    void givenAnOpenAppealOfYesterdayMorning_whenTheFiguresArePolledAllDay_thenItsAgeBucketMovesOnlyAtMidnight() {
        List<AppealFact> facts = List.of(open("a1", "roads", RECEIVED));

        // 08:59 today, a minute before its first day is up; and 09:01, a minute after.
        Figures before = figuresAt(Instant.parse("2026-03-20T03:59:00Z"), facts, Set.of()).get("roads");
        Figures after = figuresAt(Instant.parse("2026-03-20T04:01:00Z"), facts, Set.of()).get("roads");

        assertThat(before.backlogByAge()).isEqualTo(after.backlogByAge());
        assertThat(after.backlogByAge().get("under1d")).as("aged as of the start of today: 15 hours").isEqualTo(1);
        // Tomorrow it is older than a day, whatever the hour.
        assertThat(figuresAt(Instant.parse("2026-03-20T19:30:00Z"), facts, Set.of()).get("roads").backlogByAge().get("1to3d"))
                .isEqualTo(1);
    }

    @Test
    void givenOneReportOfAConfidentialDepartmentActedOn_whenItsFiguresArePublished_thenItsDurationIsNot() {
        AppealFact report = acceptedAfter("r1", "anti-corruption", Duration.ofMinutes(137));
        AppealFact ordinary = acceptedAfter("o1", "roads", Duration.ofMinutes(137));

        Map<String, Figures> figures = figuresAt(Instant.parse("2026-03-25T05:00:00Z"), List.of(report, ordinary),
                Set.of("anti-corruption"));

        assertThat(figures.get("anti-corruption").timeToFirstAction().count()).isEqualTo(1);
        assertThat(figures.get("anti-corruption").timeToFirstAction().medianHours()).isNull();
        assertThat(figures.get("roads").timeToFirstAction().medianHours()).isNotNull();
    }

    @Test
    void givenAReportAndAnOrdinaryAppealActedOnTheSameDay_whenTheSummaryIsPublished_thenItsDurationsAreTheOrdinaryOnesAlone() {
        AppealFact report = acceptedAfter("r1", "anti-corruption", Duration.ofMinutes(137));
        AppealFact ordinary = acceptedAfter("o1", "roads", Duration.ofMinutes(30));
        StatsService stats = new StatsService(new FixedFacts(List.of(report, ordinary)),
                Clock.fixed(Instant.parse("2026-03-25T05:00:00Z"), ZoneOffset.UTC), ALMATY, Duration.ofDays(30),
                () -> Set.of("anti-corruption"), null);

        Figures all = stats.summary(MARCH).figures();

        // Of both, the p90 of two would be the report's 2.28 hours, which its own row withholds.
        assertThat(all.timeToFirstAction()).isEqualTo(new Figures.DurationStats(1, 0.5, 0.5));
        assertThat(all.received()).as("counted all the same").isEqualTo(2);
    }

    /** An appeal received at {@link #RECEIVED} and accepted by its department this long after. */
    private static AppealFact acceptedAfter(String id, String department, Duration after) {
        AppealFact fact = open(id, department, RECEIVED);
        fact.apply(TestEvents.lifecycle(id, 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS, department, "potholes",
                RECEIVED.plus(Duration.ofDays(21)), RECEIVED.plus(after)));
        return fact;
    }

    private static AppealFact open(String id, String department, Instant receivedAt) {
        AppealFact fact = new AppealFact(id);
        fact.apply(TestEvents.submitted(id, "web", Language.kk, null, null, null, null, receivedAt,
                receivedAt.plus(Duration.ofDays(21))), 0.01);
        fact.apply(TestEvents.lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, department, "potholes",
                receivedAt.plus(Duration.ofDays(21)), receivedAt.plusSeconds(60)));
        return fact;
    }

    private static Map<String, Figures> figuresAt(Instant now, List<AppealFact> facts, Set<String> confidential) {
        StatsService stats = new StatsService(new FixedFacts(facts), Clock.fixed(now, ZoneOffset.UTC), ALMATY, Duration.ofDays(30),
                () -> confidential, null);
        return stats.departments(MARCH).stream()
                .collect(java.util.stream.Collectors.toMap(DepartmentFigures::department, DepartmentFigures::figures));
    }

    /** The facts, all read as the time around any month counter (there is none). */
    private static final class FixedFacts extends AppealFacts {
        private final List<AppealFact> facts;

        FixedFacts(List<AppealFact> facts) {
            super(null);
            this.facts = facts;
        }

        @Override
        public Map<YearMonth, Long> receiptMonths() {
            return Map.of();
        }

        @Override
        public List<AppealFact> receivedBetween(Instant from, Instant to, String department) {
            return facts.stream().filter(f -> !f.getReceivedAt().isBefore(from) && f.getReceivedAt().isBefore(to)).toList();
        }

        @Override
        public void listReceiptMonths(java.util.Collection<AppealFact> ofMonthsNotListed) {
            // no counters kept here
        }
    }
}
