package kz.hearingstate.performance.bench;

import java.util.Arrays;
import java.util.Map;

import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.report.BenchmarkReport.RunResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverloadCheckTest {

    @Test
    void givenFastRefusalsAndEveryAcceptedAppealRouted_thenOverloadIsGraceful() {
        RunResult run = run(Map.of("503", 900), latencies(40, 1500), 0);

        assertThat(Benchmark.overloaded(run).met()).isTrue();
    }

    @Test
    void givenRequestsThatNeverGotAnAnswer_thenOverloadIsNotGraceful() {
        RunResult run = run(Map.of("0", 714, "503", 10), latencies(40, 1500), 0);

        assertThat(Benchmark.overloaded(run).met()).isFalse();
        assertThat(Benchmark.overloaded(run).evidence()).contains("0=714");
    }

    @Test
    void givenSlowAnswersOrAnotherStatusOrALostAppeal_thenOverloadIsNotGraceful() {
        assertThat(Benchmark.overloaded(run(Map.of("503", 5), latencies(40, 2500), 0)).met()).as("an answer slower than 2 s").isFalse();
        assertThat(Benchmark.overloaded(run(Map.of("500", 1), latencies(40, 100), 0)).met()).as("a 500").isFalse();
        assertThat(Benchmark.overloaded(run(Map.of("503", 5), latencies(40, 100), 1)).met()).as("a 202 not routed").isFalse();
    }

    @Test
    void givenEveryRequestAcceptedInTime_thenTheRunWasNoOverloadAndIsNotJudged() {
        RunResult run = run(Map.of(), latencies(40, 900), 0);

        assertThat(Benchmark.overloaded(run).met()).isNull();
        assertThat(Benchmark.overloaded(run).evidence()).contains("did not overload");
    }

    /** 99 answers at {@code usual} ms and one at {@code slowest}: p99 is the slowest. */
    private static LatencySummary latencies(long usual, long slowest) {
        long[] millis = new long[100];
        Arrays.fill(millis, usual);
        millis[99] = slowest;
        millis[98] = slowest;
        return LatencySummary.of(Arrays.stream(millis).boxed().toList());
    }

    private static RunResult run(Map<String, Integer> errors, LatencySummary http, int notRouted) {
        return new RunResult("overload 2.0× max", "open", 60, 45, 0, 3000, 2000, errors, 44.4, 44.4, notRouted, 0, http,
                Map.of(), Map.of(), 2000, Map.of(), true);
    }
}
