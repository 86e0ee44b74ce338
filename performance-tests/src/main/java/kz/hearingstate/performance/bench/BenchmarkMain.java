package kz.hearingstate.performance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.performance.report.BenchmarkReport;
import kz.hearingstate.performance.report.ReportWriter;

/**
 * {@code scripts/bench.sh [--smoke | --quick | --growth] [--store-sizes 10000,100000,1000000] [--output docs/benchmarks]}: runs the
 * benchmark on a stack of its own and writes {@code benchmark.md} and {@code benchmark.json}.
 * {@code scripts/bench.sh --drain 2000}: only the CPU per appeal of each process ({@link CpuDrain}).
 */
public final class BenchmarkMain {

    /** The longest one store-growth step may preload, unless {@code --preload-budget} says otherwise. */
    static final Duration DEFAULT_PRELOAD_BUDGET = Duration.ofMinutes(15);

    /**
     * Exits 0 when the report is written, 1 on any failure: the stack's clients leave threads that are not daemons
     * (a failed growth run once kept the JVM alive for an hour after its exception), and a script or CI waiting on
     * this process must see the failure, not a hang.
     */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.err.println("The benchmark failed: " + failure);
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args) throws Exception {
        // Kafka clients log every connection at INFO; the benchmark's own progress is what matters here.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        boolean smoke = false;
        boolean quick = false;
        boolean growth = false;
        Path output = Path.of("docs/benchmarks");
        Path root = Path.of("").toAbsolutePath();
        List<Long> storeSizes = new ArrayList<>(List.of(10_000L, 100_000L, 1_000_000L));
        int drain = 0;
        // 10^6 takes about 5 minutes on a quiet 2-core machine; a slow one measures the size it reached.
        Duration preloadBudget = DEFAULT_PRELOAD_BUDGET;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--quick" -> quick = true;
                case "--growth" -> growth = true;
                case "--output" -> output = Path.of(args[++i]);
                case "--repository" -> root = Path.of(args[++i]).toAbsolutePath();
                case "--drain" -> drain = Integer.parseInt(args[++i]);
                case "--preload-budget" -> preloadBudget = Duration.ofMinutes(Long.parseLong(args[++i]));
                case "--store-sizes" -> {
                    storeSizes.clear();
                    for (String size : args[++i].split(",")) {
                        storeSizes.add(Long.parseLong(size.trim()));
                    }
                }
                default -> {
                    System.err.println("usage: bench.sh [--smoke | --quick | --growth] [--store-sizes 10000,100000,1000000]"
                            + " [--preload-budget minutes] [--output dir] | bench.sh --drain 2000");
                    return 2;
                }
            }
        }
        if (drain > 0) {
            Path work = Files.createTempDirectory("hearing-drain-");
            System.out.print(new CpuDrain(root, work, line -> System.out.println(Instant.now() + " " + line))
                    .run(drain, 3));
            return 0;
        }
        BenchmarkPlan plan = smoke ? BenchmarkPlan.smoke() : quick ? BenchmarkPlan.quick()
                : growth ? BenchmarkPlan.growth(storeSizes) : BenchmarkPlan.full(storeSizes);
        Path work = Files.createTempDirectory("hearing-bench-");
        BenchmarkReport report = new Benchmark(plan, root, work, line -> System.out.println(Instant.now() + " " + line))
                .withPreloadBudget(preloadBudget).run();
        String name = smoke ? "benchmark-smoke" : quick ? "benchmark-quick" : growth ? "benchmark-growth" : "benchmark";
        ReportWriter.write(report, output, name);
        System.out.println("Report: " + output.resolve(name + ".md") + " (logs and profiles in " + work + ")");
        return 0;
    }

    private BenchmarkMain() {
    }
}
