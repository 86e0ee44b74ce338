package kz.hearingstate.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.analytics.TestEvents;
import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import org.junit.jupiter.api.Test;

class FiguresCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-03-20T06:00:00Z");

    @Test
    void givenSortedValues_whenPercentilesAreTaken_thenTheNearestRankIsUsed() {
        List<Double> values = List.of(1.0, 2.0, 3.0, 4.0);
        assertThat(FiguresCalculator.percentile(values, 0.5)).isEqualTo(2.0);
        assertThat(FiguresCalculator.percentile(values, 0.9)).isEqualTo(4.0);
        assertThat(FiguresCalculator.percentile(List.of(7.0), 0.9)).isEqualTo(7.0);
        List<Double> ten = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(FiguresCalculator.percentile(ten, 0.9)).isEqualTo(9.0);
    }

    @Test
    void givenNoAppeals_whenComputed_thenCountsAreZeroAndRatesAreAbsent() {
        Figures figures = FiguresCalculator.compute(List.of(), NOW);
        assertThat(figures.received()).isZero();
        assertThat(figures.timeToAnswer().medianHours()).isNull();
        assertThat(figures.slaCompliance().rate()).isNull();
        assertThat(figures.satisfaction().averageRating()).isNull();
        assertThat(figures.backlogByAge()).containsOnlyKeys("under1d", "1to3d", "3to7d", "7to15d", "15dPlus");
    }

    @Test
    void givenOpenAppealsOfManyAges_whenComputed_thenEachLandsInItsAgeBucket() {
        List<AppealFact> facts = List.of(open("a", NOW.minusSeconds(3600)), open("b", NOW.minusSeconds(24 * 3600)),
                open("c", NOW.minusSeconds(15 * 24 * 3600)), open("d", NOW.minusSeconds(40L * 24 * 3600)),
                paused(open("e", NOW.minusSeconds(40L * 24 * 3600))));
        Figures figures = FiguresCalculator.compute(facts, NOW);
        assertThat(figures.backlogByAge()).containsEntry("under1d", 1).containsEntry("1to3d", 1)
                .containsEntry("15dPlus", 3).containsEntry("3to7d", 0);
        assertThat(figures.open()).isEqualTo(5);
        // c and d: deadline 10 days after receipt; e as old, but waiting for the citizen: its clock is paused
        assertThat(figures.overdue()).isEqualTo(2);
    }

    @Test
    void givenOpenAndRecentlyClosedAppeals_whenGaugesAreComputed_thenEachDepartmentHasItsBacklogOverdueAndCompliance() {
        Instant received = Instant.parse("2026-03-02T04:00:00Z");
        Instant deadline = Instant.parse("2026-03-12T13:00:00Z"); // passed by NOW
        AppealFact waiting = routed("waiting", "roads", received, Instant.parse("2026-03-30T13:00:00Z"));
        AppealFact late = routed("late", "roads", received, deadline);
        AppealFact paused = paused(routed("paused", "roads", received, deadline));
        AppealFact unrouted = new AppealFact("unrouted");
        unrouted.apply(TestEvents.submitted("unrouted", "web", Language.kk, null, null, null, null, received, deadline), 0.01);
        AppealFact onTime = closed(routed("onTime", "roads", received, deadline), LifecycleType.ANSWERED, "2026-03-10T06:00:00Z");
        AppealFact closedLate = closed(routed("closedLate", "roads", received, deadline), LifecycleType.ANSWERED,
                "2026-03-14T06:00:00Z");
        AppealFact rejected = closed(routed("rejected", "utilities", received, deadline), LifecycleType.REJECTED,
                "2026-03-03T06:00:00Z");

        List<DepartmentGauges> gauges = FiguresCalculator.gauges(List.of(waiting, late, paused, unrouted),
                List.of(onTime, closedLate, rejected), List.of("schools", "roads"),
                fact -> fact.getDepartment() == null ? StatsService.UNASSIGNED : fact.getDepartment(), NOW);

        // roads: 3 open, "late" past its deadline ("paused" too, but its clock stands while the citizen is asked); of 2
        // closed, 1 by its deadline. The unrouted appeal's deadline (intake's) has passed too. schools: listed, nothing
        // open, nothing closed.
        assertThat(gauges).containsExactly(
                new DepartmentGauges("roads", 3, 1, new Figures.Ratio(1, 2, 0.5)),
                new DepartmentGauges("schools", 0, 0, new Figures.Ratio(0, 0, null)),
                new DepartmentGauges("unassigned", 1, 1, new Figures.Ratio(0, 0, null)),
                new DepartmentGauges("utilities", 0, 0, new Figures.Ratio(1, 1, 1.0)));
    }

    private static AppealFact routed(String id, String department, Instant received, Instant deadline) {
        AppealFact fact = new AppealFact(id);
        fact.apply(TestEvents.submitted(id, "web", Language.kk, null, null, null, null, received, deadline), 0.01);
        fact.apply(TestEvents.lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, department, "roads", deadline,
                received));
        return fact;
    }

    private static AppealFact closed(AppealFact fact, LifecycleType type, String at) {
        AppealStatus status = type == LifecycleType.ANSWERED ? AppealStatus.ANSWERED : AppealStatus.REJECTED;
        fact.apply(TestEvents.lifecycle(fact.getAppealId(), 2, type, status, fact.getDepartment(), null, null,
                Instant.parse(at)));
        return fact;
    }

    /** The department asked the citizen for information: the clock pauses. */
    private static AppealFact paused(AppealFact fact) {
        fact.apply(TestEvents.lifecycle(fact.getAppealId(), 2, LifecycleType.INFO_REQUESTED, AppealStatus.INFO_REQUESTED,
                fact.getDepartment(), null, null, fact.getReceivedAt().plusSeconds(3600)));
        return fact;
    }

    private static AppealFact open(String id, Instant received) {
        AppealFact fact = new AppealFact(id);
        fact.apply(TestEvents.submitted(id, "web", Language.kk, null, null, null, null, received,
                received.plusSeconds(10L * 24 * 3600)), 0.01);
        fact.apply(TestEvents.lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "roads", null, received));
        return fact;
    }
}
