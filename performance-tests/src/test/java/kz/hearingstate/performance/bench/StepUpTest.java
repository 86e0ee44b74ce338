package kz.hearingstate.performance.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import kz.hearingstate.performance.measure.LagSampler.GroupVerdict;
import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.report.BenchmarkReport.RunResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The step-up's search for the maximum, against a stack that takes every rate up to {@code capacity} in full. */
class StepUpTest {

    private static final BenchmarkPlan.StepUp STEP_UP = new BenchmarkPlan.StepUp(0.8, 1.2, Duration.ofSeconds(20), 12);

    private final List<RunResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @Test
    void givenAStackThatTakes140PerSecond_whenSteppedUpFromAnEstimateOf130_thenTheMaximumIsTheLastStepTakenInFull() {
        double maximum = Benchmark.stepUp(STEP_UP, 130, stackTaking(140), results, notes);

        assertThat(results).extracting(RunResult::offeredPerSecond).containsExactly(104.0, 125.0, 150.0);
        assertThat(maximum).isEqualTo(125);
        assertThat(notes).singleElement().asString().startsWith("The step-up stopped at 150/s");
    }

    @Test
    void givenAFirstStepWithRefusals_whenSteppedUp_thenItStepsDownUntilAStepIsTakenInFull() {
        double maximum = Benchmark.stepUp(STEP_UP, 130, stackTaking(80), results, notes);

        assertThat(results).extracting(RunResult::offeredPerSecond).containsExactly(104.0, 86.0, 71.0);
        assertThat(maximum).isEqualTo(71);
        assertThat(notes).hasSize(2).allSatisfy(note -> assertThat(note).startsWith("The step-up stepped down from "));
    }

    @Test
    void givenNoStepTakenInFull_whenSteppedUp_thenTheMaximumIsWhatTheLastStepGotThrough() {
        double maximum = Benchmark.stepUp(STEP_UP, 130, stackTaking(0), results, notes);

        assertThat(results).hasSize(12);
        assertThat(maximum).isEqualTo(Math.floor(results.getLast().acceptedPerSecond()));
    }

    /** Every rate up to {@code capacity} taken in full; above it, refusals and routing falling behind. */
    private static DoubleFunction<RunResult> stackTaking(double capacity) {
        return rate -> {
            boolean taken = rate <= capacity;
            int requests = (int) rate * 20;
            double got = taken ? rate : rate * 0.9;
            return new RunResult("step-up " + (int) rate + "/s", "open", rate, 20, 0, requests, (int) (got * 20),
                    taken ? Map.of() : Map.of("503", requests - (int) (got * 20)), got, got, 0, 0,
                    LatencySummary.of(List.of(20L)), Map.of(), Map.of(), (int) (got * 20),
                    Map.of(Benchmark.ROUTING_GROUP, new GroupVerdict(10, taken ? 10 : 900, 900, 20, taken)), taken);
        };
    }
}
