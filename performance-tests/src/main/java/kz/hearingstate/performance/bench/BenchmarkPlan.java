package kz.hearingstate.performance.bench;

import java.time.Duration;
import java.util.List;

import kz.hearingstate.localstack.StackSettings;

/**
 * What a benchmark run does and for how long. {@link #smoke()} is CI's: short and at a low rate, it
 * proves the tooling end to end and judges no timing. {@link #full()} is the measured run.
 *
 * @param fixedRates        open-model rates run as they are (smoke); empty in the full plan, whose rates
 *                          are fractions of the probed maximum
 * @param probeUsers        closed-model concurrency that finds the maximum; null = no probe
 * @param targetRates       the target rates (500/s with p99 under 100 ms, 1,000/s; docs/benchmarks/README.md),
 *                          run when the maximum makes them reachable
 * @param overloadFactor    the overload run offers this many times the probed maximum; null = no overload run
 * @param storeSizes        store sizes at which the growth run is repeated (bulk preload in between)
 * @param serviceJvmOptions JVM options of the four services
 */
public record BenchmarkPlan(
        String mode,
        long baselineRecords,
        long latencyRoundTrips,
        double warmupRate,
        Duration warmup,
        Integer probeUsers,
        Duration probe,
        List<Double> fractionsOfMaximum,
        List<Double> fixedRates,
        Duration step,
        List<Double> targetRates,
        Duration targetStep,
        Double overloadFactor,
        List<Long> storeSizes,
        Duration drain,
        List<String> serviceJvmOptions) {

    public static BenchmarkPlan smoke() {
        return new BenchmarkPlan("smoke", 20_000, 300, 0, Duration.ZERO, null, Duration.ZERO, List.of(),
                List.of(10.0), Duration.ofSeconds(20), List.of(), Duration.ZERO, null, List.of(), Duration.ofSeconds(90),
                StackSettings.DEFAULT_SERVICE_JVM_OPTIONS);
    }

    /** @param storeSizes e.g. 10^4, 10^5 (10^6 when the machine has the time) */
    public static BenchmarkPlan full(List<Long> storeSizes) {
        // Full JIT (C2) for a throughput measurement; the stack's default stops at C1 to start fast.
        return new BenchmarkPlan("full", 200_000, 2_000, 50, Duration.ofSeconds(20), 48, Duration.ofSeconds(30),
                List.of(0.25, 0.5, 0.75), List.of(), Duration.ofSeconds(45), List.of(500.0, 1000.0),
                Duration.ofSeconds(30), 2.0, storeSizes, Duration.ofSeconds(45),
                List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"));
    }
}
