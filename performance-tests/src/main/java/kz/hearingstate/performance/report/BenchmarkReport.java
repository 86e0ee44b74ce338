package kz.hearingstate.performance.report;

import java.util.List;
import java.util.Map;

import kz.hearingstate.performance.baseline.KafkaBaseline;
import kz.hearingstate.performance.measure.HotMethods;
import kz.hearingstate.performance.measure.LagSampler;
import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.measure.MachineInfo;
import kz.hearingstate.performance.measure.StoreCommands;

/**
 * Everything one benchmark run measured, as written to {@code benchmark.json} and rendered to
 * {@code benchmark.md}. Latencies in milliseconds, rates per second.
 *
 * @param mode          {@code smoke} (CI: short, low rate, timings not judged) or {@code full}
 * @param stack         how the stack ran: JVM options of the services, partitions
 * @param baseline      Kafka's own tools against the same broker
 * @param capacity      the closed-model probe that found the maximum throughput
 * @param runs          the open-model runs at fixed arrival rates (fractions of the maximum, and the targets)
 * @param storeGrowth   the same fixed-rate run repeated as the store grows
 * @param targets       the targets of {@link kz.hearingstate.performance.bench.BenchmarkPlan#targetRates()}, met or
 *                      not, with the figure that decides
 * @param sustained     the highest open-model rate that the pipeline took with no error, every appeal routed, and
 *                      (if {@code allConsumersKeptUp}) every consumer group's lag bounded
 * @param cpuBudgetMillisPerAppeal the targets' CPU budget per appeal, by process
 * @param cpuModel      by process, its CPU under load split into a fixed part and what each appeal adds (a straight
 *                      line through the runs taken in full), which tells what a rate the runs did not reach would cost
 * @param idleMillisPerSecond by process, CPU ms per second measured with no load at all (warm JVMs, no observer
 *                      polling); empty when the mode measures none
 * @param ratios        pipeline figures divided by the baseline's
 * @param profiles      per service, where its CPU went during the capacity probe: JFR execution samples by layer
 *                      and by the method on top, % of samples
 * @param storeCommands by run, the store's commands (round trips) and its time for them per appeal routed in the
 *                      load window, by collection ({@code database.collection}), from MongoDB's {@code top}
 * @param notes         what was skipped or approximated, and why
 */
public record BenchmarkReport(
        String mode,
        String startedAt,
        String finishedAt,
        MachineInfo machine,
        String loadAverageAfter,
        Map<String, String> stack,
        KafkaBaseline.Figures baseline,
        RunResult capacity,
        List<RunResult> runs,
        List<StoreGrowthStep> storeGrowth,
        List<TargetCheck> targets,
        Sustained sustained,
        Map<String, Double> cpuBudgetMillisPerAppeal,
        Map<String, CpuModel> cpuModel,
        Map<String, Double> idleMillisPerSecond,
        Map<String, Double> ratios,
        Map<String, HotMethods.Profile> profiles,
        Map<String, Map<String, StoreCommands.PerAppeal>> storeCommands,
        List<String> notes) {

    /**
     * One load run.
     *
     * @param offeredPerSecond  the open model's arrival rate; for the closed probe, its concurrency
     * @param acceptedPerSecond 202 answers per second of the run
     * @param routedPerSecond   inbox arrivals of this run's appeals per second, from the first 202 to the last arrival
     * @param errors            every answer but 202, by status ({@code 0} = no answer, e.g. a timeout)
     * @param notRouted         appeals answered 202 that never reached a department inbox (must be 0)
     * @param duplicates        appeals that reached an inbox more than once
     * @param legs              latency from accept (intake's send of appeal.submitted) to each point
     * @param processes         CPU (100% = one core) and memory of every process during the run
     * @param routedInWindow    appeals (of any run) that reached an inbox while the load lasted: what the CPU of the
     *                          load window paid for
     * @param consumers         each consumer group's lag during the load, and whether it kept up
     * @param allConsumersKeptUp every group's lag bounded; null if too few samples
     */
    public record RunResult(
            String name,
            String model,
            double offeredPerSecond,
            long durationSeconds,
            long storeSizeBefore,
            int requests,
            int accepted,
            Map<String, Integer> errors,
            double acceptedPerSecond,
            double routedPerSecond,
            int notRouted,
            int duplicates,
            LatencySummary httpLatency,
            Map<String, LatencySummary> legs,
            Map<String, ProcessUsage> processes,
            int routedInWindow,
            Map<String, LagSampler.GroupVerdict> consumers,
            Boolean allConsumersKeptUp) {

        public int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param cpuPercent         share of one core over the run's load window
     * @param cpuMillis          CPU time (user + system) over the load window
     * @param cpuMillisPerAppeal {@code cpuMillis} divided by the appeals routed in the window; null if none was
     * @param jitMillisPerAppeal the part of it the JIT compiler's threads used (compiling, which ends once the code is
     *                           hot); null if no appeal was routed
     * @param rssMib             resident memory at the end
     */
    public record ProcessUsage(double cpuPercent, long cpuMillis, Double cpuMillisPerAppeal, Double jitMillisPerAppeal,
                               long rssMib, long peakRssMib) {
    }

    /**
     * CPU ms per second = {@code fixedMillisPerSecond} + {@code marginalMillisPerAppeal} × appeals routed per second, a
     * least-squares line through the open-model runs taken in full. The fixed part is not idle CPU: it holds whatever
     * does not grow with the rate while the load lasts (JIT compilation, collections, the benchmark's own polling of
     * analytics and of the consumer groups' lag), and batches that grow with the rate lower the slope.
     *
     * @param runs how many runs the line goes through
     */
    public record CpuModel(double fixedMillisPerSecond, double marginalMillisPerAppeal, int runs) {
    }

    /**
     * @param appealsPerSecond   the offered rate of that run
     * @param allConsumersKeptUp whether routing, notification, analytics and intake's projection all kept up at it
     * @param run                the run's name
     */
    public record Sustained(double appealsPerSecond, boolean allConsumersKeptUp, String run) {
    }

    /**
     * @param storeSize           appeals in the store when the run began
     * @param preloaded           appeals the preload wrote to reach that size (null: none needed)
     * @param preloadSeconds      how long the preload took
     * @param preloadPerSecond    appeals preloaded per second (each appeal: every service's documents)
     * @param run                 the fixed-rate run measured at that size
     * @param store               what the store took in the MongoDB-wire server at the run's end (null: a server
     *                            that does not report it)
     */
    public record StoreGrowthStep(long storeSize, Long preloaded, Double preloadSeconds, Double preloadPerSecond,
                                  RunResult run, StoreFigures store) {
    }

    /**
     * The local store's own figures, from its {@code serverStatus}: file, heap (used at that moment, garbage included;
     * committed) and page cache (H2's estimate), in MiB.
     */
    public record StoreFigures(long fileMib, long heapUsedMib, long heapCommittedMib, long cacheUsedMib) {
    }

    /** @param met null when the target could not be measured in this mode */
    public record TargetCheck(String target, Boolean met, String evidence) {
    }
}
