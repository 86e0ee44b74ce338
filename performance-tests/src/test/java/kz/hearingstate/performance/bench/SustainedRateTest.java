package kz.hearingstate.performance.bench;

import java.util.List;
import java.util.Map;

import kz.hearingstate.performance.measure.LagSampler.GroupVerdict;
import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.report.BenchmarkReport.ProcessUsage;
import kz.hearingstate.performance.report.BenchmarkReport.RunResult;
import kz.hearingstate.performance.report.BenchmarkReport.Sustained;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SustainedRateTest {

    private static final GroupVerdict KEPT_UP = new GroupVerdict(10, 12, 30, 20, true);
    private static final GroupVerdict BEHIND = new GroupVerdict(100, 900, 900, 20, false);

    @Test
    void givenRunsWhereEveryConsumerKeptUpUpTo40_whenSummed_thenTheSustainedRateIs40AndAllKeptUp() {
        Sustained sustained = Benchmark.sustained(List.of(
                run("step-up 30/s", 30, 30, Map.of(), KEPT_UP),
                run("step-up 40/s", 40, 40, Map.of(), KEPT_UP),
                run("step-up 48/s", 48, 48, Map.of(), BEHIND),
                run("step-up 58/s", 58, 41, Map.of(), BEHIND)));

        assertThat(sustained).isEqualTo(new Sustained(40, true, "step-up 40/s"));
    }

    @Test
    void givenNotificationBehindInEveryRun_whenSummed_thenTheHighestRunTakenInFullCountsButNotAllKeptUp() {
        Sustained sustained = Benchmark.sustained(List.of(
                run("step-up 30/s", 30, 30, Map.of(), BEHIND),
                run("step-up 36/s", 36, 36, Map.of(), BEHIND)));

        assertThat(sustained).isEqualTo(new Sustained(36, false, "step-up 36/s"));
    }

    @Test
    void givenRefusalsTheWarmUpsOrTheOverloadRun_whenSummed_thenTheyAreNoCandidates() {
        Sustained sustained = Benchmark.sustained(List.of(
                run(Benchmark.WARM_UP, 50, 50, Map.of(), KEPT_UP),
                run(Benchmark.JIT_WARM_UP, 40, 40, Map.of(), KEPT_UP),
                run("step-up 30/s", 30, 30, Map.of(), KEPT_UP),
                run("step-up 36/s", 36, 36, Map.of("503", 3), KEPT_UP),
                run("overload 2.0× max", 72, 72, Map.of(), KEPT_UP)));

        assertThat(sustained.appealsPerSecond()).isEqualTo(30);
    }

    @Test
    void givenTheSustainedRun_whenTheCpuBudgetsAreChecked_thenEachServiceIsJudgedByItsOwnBudget() {
        RunResult run = run("step-up 40/s", 40, 40, Map.of(), KEPT_UP);
        var checks = Benchmark.cpuTargets(List.of(run), Benchmark.sustained(List.of(run)), Map.of());

        assertThat(checks).extracting(check -> check.target() + " " + check.met()).containsExactly(
                "intake-service ≤ 2.0 ms CPU per appeal true", "routing-service ≤ 2.0 ms CPU per appeal false",
                "analytics-service ≤ 2.0 ms CPU per appeal true", "notification-service ≤ 4.0 ms CPU per appeal false");
    }

    @Test
    void givenRunsAtThreeRates_whenTheCpuIsModelled_thenFixedAndMarginalCostAreSeparated() {
        // 300 ms/s fixed plus 5 ms per appeal, at 10, 20 and 40 appeals/s over 20 s runs.
        List<RunResult> runs = List.of(10, 20, 40).stream().map(rate -> {
            RunResult run = run("step-up " + rate + "/s", rate, rate, Map.of(), KEPT_UP);
            long cpuMillis = (300 + 5L * rate) * 20;
            return new RunResult(run.name(), run.model(), run.offeredPerSecond(), 20, 0, rate * 20, rate * 20, Map.of(),
                    rate, rate, 0, 0, run.httpLatency(), Map.of(), Map.of("routing-service",
                    new ProcessUsage(cpuMillis / 200.0, cpuMillis, cpuMillis / (rate * 20.0), 0.0, 400, 400)), rate * 20,
                    run.consumers(), true);
        }).toList();

        var model = Benchmark.cpuModel(runs).get("routing-service");

        assertThat(model.fixedMillisPerSecond()).isEqualTo(300);
        assertThat(model.marginalMillisPerAppeal()).isEqualTo(5);
        assertThat(model.runs()).isEqualTo(3);
    }

    private static RunResult run(String name, double offered, double routed, Map<String, Integer> errors,
                                 GroupVerdict notification) {
        int requests = (int) offered * 20;
        Map<String, ProcessUsage> processes = Map.of(
                "intake-service", usage(1.5), "routing-service", usage(2.5),
                "analytics-service", usage(2.0), "notification-service", usage(7.0));
        return new RunResult(name, "open", offered, 20, 0, requests, requests, errors, offered, routed, 0, 0,
                LatencySummary.of(List.of(20L)), Map.of(), processes, requests,
                Map.of("routing", KEPT_UP, "notification", notification),
                KEPT_UP.keptUp() && notification.keptUp());
    }

    private static ProcessUsage usage(double millisPerAppeal) {
        return new ProcessUsage(50, (long) (millisPerAppeal * 800), millisPerAppeal, 0.0, 400, 400);
    }
}
