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
 * @param warmup            the first load on cold JVMs (reported, never judged), after which the consumers get up
 *                          to {@link #settle()} to catch up
 * @param jitWarmup         then a steady load at {@code jitWarmupRate} long enough for C2 to compile the hot paths
 *                          (reported, never judged; zero = none), so that the runs after it measure the services, not
 *                          the compiler: a long-running service pays compilation once
 * @param probeUsers        closed-model concurrency that gives a first estimate of the maximum (and the JFR
 *                          profiles); null = no probe
 * @param stepUp            the open-model step-up that finds the maximum; null = none
 * @param targetRates       the target rates (500/s with p99 under 100 ms, 1,000/s; docs/benchmarks/README.md),
 *                          run when the maximum makes them reachable
 * @param overloadFactor    the overload run offers this many times the probed maximum; null = no overload run
 * @param storeSizes        store sizes at which the growth run is repeated (bulk preload in between)
 * @param serviceJvmOptions JVM options of the four services
 * @param intakeArguments   extra arguments for intake (Spring properties)
 */
public record BenchmarkPlan(
        String mode,
        long baselineRecords,
        long latencyRoundTrips,
        double warmupRate,
        Duration warmup,
        double jitWarmupRate,
        Duration jitWarmup,
        Duration settle,
        Integer probeUsers,
        Duration probe,
        StepUp stepUp,
        List<Double> fractionsOfMaximum,
        List<Double> fixedRates,
        Duration step,
        List<Double> targetRates,
        Duration targetStep,
        Double overloadFactor,
        List<Long> storeSizes,
        Duration drain,
        List<String> serviceJvmOptions,
        List<String> intakeArguments) {

    /**
     * Raise the open-model rate step by step until a step is not taken in full: an error, an appeal not routed, or
     * routing's lag growing. The maximum is the last step taken in full.
     *
     * @param fromEstimate the first step, as a fraction of the closed probe's estimate
     * @param factor       each next step offers this many times the one before
     * @param step         how long each step lasts
     * @param maxSteps     the most steps tried
     */
    public record StepUp(double fromEstimate, double factor, Duration step, int maxSteps) {
    }

    /**
     * The smoke run judges no timing, only that every request is accepted and nothing is lost, on whatever machine CI
     * has: a busy one makes the cold fast-start stack answer in seconds, and intake's admission bounds (a 500 ms wait
     * for a thread, 100 ms for a place, 1.2 s for a key's reservation) would turn that into 503s. Its overload
     * behaviour is the full run's, ArrivalBudgetIntegrationTest's and AnswerDueIntegrationTest's to show.
     */
    static final List<String> SMOKE_ADMISSION = List.of("--hearing.intake.admission.arrival-budget=10s",
            "--hearing.intake.admission.max-wait=10s", "--hearing.intake.admission.answer-within=10s");

    /**
     * The services' JVM options in the measured plans: full JIT (C2), a fixed small heap, serial collections.
     * <ul>
     *   <li>Metaspace starts at 256 MB: with the JDK's default (about 21 MB) every service paused three times in its
     *       first two minutes for a full collection only to raise the metaspace threshold (0.2 to 1.3 s each, in GC
     *       logs of 3 Dec 2026), during the baseline and the warm-up.
     *   <li>A code-cache unloading collection only once compiled code grew by half the code cache (the JDK's 15 %
     *       is 36 MB): under the serial collector that collection is a full one, and each service paused once for
     *       0.35 to 0.9 s, 100 to 250 s after its start, when its compiled code first grew past 36 MB (GC logs of
     *       4 Dec 2026; 37 to 46 MB of code after warming up). It fell into measured runs.
     *   <li>A fixed number of compiler threads: the report counts their CPU apart (what compiling costs ends once the
     *       code is hot), and a thread that ends takes its CPU time out of that count.
     * </ul>
     */
    static final List<String> MEASURED_JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:MetaspaceSize=256m", "-XX:SweeperThreshold=50", "-XX:-UseDynamicNumberOfCompilerThreads");

    /**
     * How long the full and growth plans load the stack steadily before measuring. Profiles of 3 Dec 2026 showed C2
     * taking 42 to 46 % of the consumers' CPU in their first five minutes and still 35 to 75 ms/s per service after
     * the cold warm-up and the probe, which the runs then read as "fixed CPU under load". Three minutes at a moderate
     * rate leave the compiler mostly done; the quick plan skips it to stay quick.
     */
    static final Duration JIT_WARM_UP_LENGTH = Duration.ofMinutes(3);

    public static BenchmarkPlan smoke() {
        return new BenchmarkPlan("smoke", 20_000, 300, 0, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO, null, Duration.ZERO, null, List.of(),
                List.of(10.0), Duration.ofSeconds(20), List.of(), Duration.ZERO, null, List.of(), Duration.ofSeconds(90),
                StackSettings.DEFAULT_SERVICE_JVM_OPTIONS, SMOKE_ADMISSION);
    }

    /**
     * The full plan's shape in about 6 minutes (short steps, no targets, no store growth): to try a change on a
     * busy machine before the full run. Its figures are rougher than the full run's.
     */
    public static BenchmarkPlan quick() {
        return new BenchmarkPlan("quick", 50_000, 500, 30, Duration.ofSeconds(15), 0, Duration.ZERO, Duration.ofSeconds(45), 24,
                Duration.ofSeconds(15), new StepUp(0.8, 1.3, Duration.ofSeconds(12), 8),
                List.of(0.5), List.of(), Duration.ofSeconds(20), List.of(), Duration.ZERO, 2.0, List.of(),
                Duration.ofSeconds(30), MEASURED_JVM_OPTIONS, List.of());
    }

    /**
     * Only the store growth, at 20 appeals/s (no probe, no fixed rates, a short baseline, the warm-ups): to see how
     * the store's size changes the pipeline, and what the preload costs, without the full run's 20 minutes.
     */
    public static BenchmarkPlan growth(List<Long> storeSizes) {
        return new BenchmarkPlan("growth", 20_000, 300, 20, Duration.ofSeconds(20), 20, JIT_WARM_UP_LENGTH,
                Duration.ofSeconds(60), null, Duration.ZERO, null,
                List.of(), List.of(), Duration.ofSeconds(45), List.of(), Duration.ZERO, null, storeSizes,
                Duration.ofSeconds(60), MEASURED_JVM_OPTIONS, List.of());
    }

    /** @param storeSizes 10^4, 10^5 and 10^6 by default ({@code --store-sizes}) */
    public static BenchmarkPlan full(List<Long> storeSizes) {
        // Full JIT (C2) for a throughput measurement; the stack's default stops at C1 to start fast.
        return new BenchmarkPlan("full", 200_000, 2_000, 50, Duration.ofSeconds(20), 30, JIT_WARM_UP_LENGTH,
                Duration.ofSeconds(90), 48,
                Duration.ofSeconds(30), new StepUp(0.8, 1.2, Duration.ofSeconds(20), 12),
                List.of(0.25, 0.5, 0.75), List.of(), Duration.ofSeconds(45), List.of(500.0, 1000.0),
                Duration.ofSeconds(30), 2.0, storeSizes, Duration.ofSeconds(45),
                MEASURED_JVM_OPTIONS, List.of());
    }
}
