package kz.hearingstate.performance.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.report.BenchmarkReport.RunResult;
import kz.hearingstate.performance.report.BenchmarkReport.StoreGrowthStep;
import kz.hearingstate.performance.report.BenchmarkReport.Sustained;
import kz.hearingstate.performance.report.BenchmarkReport.TargetCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17's targets as the report judges them: the sustained rate, latency at half the maximum, the store's growth. */
class ScaleTargetsTest {

    @Test
    void givenASustainedRateOf100WithEveryConsumerKeepingUp_whenJudged_thenMetAndBelowItOrBehindNot() {
        assertThat(Benchmark.sustainedTarget(new Sustained(100, true, "step-up 100/s")).met()).isTrue();
        assertThat(Benchmark.sustainedTarget(new Sustained(99, true, "step-up 99/s")).met()).isFalse();
        TargetCheck behind = Benchmark.sustainedTarget(new Sustained(152, false, "step-up 152/s"));
        assertThat(behind.met()).isFalse();
        assertThat(behind.evidence()).isEqualTo("152.0 appeals/s ('step-up 152/s'), all consumers kept up: no");
    }

    @Test
    void givenTheRunAtHalfTheMaximum_whenJudged_thenItsP99AcceptToInboxDecidesAgainst250Ms() {
        List<RunResult> within = List.of(run("25% of max", 38, inbox(10, 250)), run("50% of max", 76, inbox(17, 250)),
                run("75% of max", 114, inbox(120, 900)));
        List<RunResult> over = List.of(run("25% of max", 38, inbox(10, 100)), run("50% of max", 76, inbox(17, 251)));

        TargetCheck met = Benchmark.halfMaximumLatency(within, 76);
        assertThat(met.met()).isTrue();
        assertThat(met.evidence()).startsWith("p99 250 ms (p50 ").contains("at 76.0/s ('50% of max')");
        assertThat(Benchmark.halfMaximumLatency(over, 76).met()).isFalse();
        assertThat(Benchmark.halfMaximumLatency(within, 75).met()).as("no run at that rate: not judged").isNull();
    }

    @Test
    void givenStoresOf10To4And10To6_whenTheLargestRoutesWithin20Percent_thenMetAndBelowItNot() {
        StoreGrowthStep small = step(39_229, 76.0);
        assertThat(Benchmark.storeGrowthTarget(List.of(small, step(100_000, 70.0), step(1_000_000, 61.0))).met())
                .isTrue();
        assertThat(Benchmark.storeGrowthTarget(List.of(small, step(1_000_000, 60.0))).met()).isFalse();
    }

    @Test
    void givenNoStoreOf10To6_whenJudged_thenNotJudgedAndSaysHowFarItGot() {
        TargetCheck check = Benchmark.storeGrowthTarget(List.of(step(39_229, 76.0), step(425_602, 76.0)));

        assertThat(check.met()).isNull();
        assertThat(check.evidence()).startsWith("not run at 10^6 (largest store 425602)");
        assertThat(Benchmark.storeGrowthTarget(List.of(step(39_229, 76.0))).met()).isNull();
    }

    /** {@code p99} as the slowest of 100 arrivals spread up to it, the rest fast. */
    private static LatencySummary inbox(long p50, long p99) {
        return LatencySummary.of(LongStream.rangeClosed(1, 100).map(i -> i <= 50 ? p50 : i < 99 ? p50 + 1 : p99)
                .boxed().toList());
    }

    private static RunResult run(String name, double offered, LatencySummary inbox) {
        int requests = (int) offered * 45;
        return new RunResult(name, "open", offered, 45, 0, requests, requests, Map.of(), offered, offered, 0, 0,
                LatencySummary.of(List.of(5L)), Map.of("inbox", inbox), Map.of(), requests, Map.of(), true);
    }

    private static StoreGrowthStep step(long size, double routedPerSecond) {
        RunResult run = run("store " + size, 76, inbox(20, 300));
        run = new RunResult(run.name(), run.model(), run.offeredPerSecond(), run.durationSeconds(), size, run.requests(),
                run.accepted(), run.errors(), run.acceptedPerSecond(), routedPerSecond, 0, 0, run.httpLatency(), run.legs(),
                run.processes(), run.routedInWindow(), run.consumers(), true);
        return new StoreGrowthStep(size, null, null, null, run, null);
    }
}
