package kz.hearingstate.performance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import kz.hearingstate.events.Topics;
import kz.hearingstate.localstack.KafkaCredentials;
import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.localstack.StackSettings;
import kz.hearingstate.performance.baseline.KafkaBaseline;
import kz.hearingstate.performance.load.GatlingRunner;
import kz.hearingstate.performance.load.LoadTestChannel;
import kz.hearingstate.performance.load.MailSink;
import kz.hearingstate.performance.load.StorePreload;
import kz.hearingstate.performance.load.SubmissionLog.Submission;
import kz.hearingstate.performance.measure.AnalyticsCounter;
import kz.hearingstate.performance.measure.ArrivalRecorder;
import kz.hearingstate.performance.measure.ArrivalRecorder.Leg;
import kz.hearingstate.performance.measure.ConsumerLag;
import kz.hearingstate.performance.measure.CountedTimes;
import kz.hearingstate.performance.measure.HotMethods;
import kz.hearingstate.performance.measure.LagSampler;
import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.measure.MachineInfo;
import kz.hearingstate.performance.measure.ProcessSample;
import kz.hearingstate.performance.measure.StoreCommands;
import kz.hearingstate.performance.measure.StackProcesses;
import kz.hearingstate.performance.report.BenchmarkReport;
import kz.hearingstate.performance.report.BenchmarkReport.CpuModel;
import kz.hearingstate.performance.report.BenchmarkReport.ProcessUsage;
import kz.hearingstate.performance.report.BenchmarkReport.RunResult;
import kz.hearingstate.performance.report.BenchmarkReport.StoreFigures;
import kz.hearingstate.performance.report.BenchmarkReport.StoreGrowthStep;
import kz.hearingstate.performance.report.BenchmarkReport.Sustained;
import kz.hearingstate.performance.report.BenchmarkReport.TargetCheck;

/**
 * One benchmark run on a local stack of its own (free ports, a fresh data directory): the Kafka
 * baseline, then the pipeline at fixed arrival rates, then the store-growth runs. Everything is
 * measured from outside the services: HTTP answers at the load generator, Kafka timestamps on the
 * topics, analytics' count over HTTP, and /proc for every process.
 */
public final class Benchmark {

    static final String ROUTING_GROUP = "routing";
    /** Every consumer group of the services; each must keep up for a rate to count as sustained. */
    static final List<String> CONSUMER_GROUPS = List.of(ROUTING_GROUP, "notification", "analytics", "intake");
    /**
     * Notification's sending, judged like a group: the appeals whose {@code appeal.submitted} was seen and no
     * {@code notification.outcome} yet. Its consumer group commits once the messages are recorded, before they
     * are sent, so a delivery that falls behind leaves that group's lag at zero.
     */
    static final String NOTIFICATION_DELIVERY = "notification delivery";
    /** The CPU targets per appeal (notification counts all its messages). */
    static final Map<String, Double> CPU_BUDGET_MS_PER_APPEAL = budgets();
    static final String WARM_UP = "warm-up (cold JVMs)";
    static final String JIT_WARM_UP = "warm-up (JIT)";
    static final String STEP_UP = "step-up ";
    static final String OVERLOAD = "overload ";
    static final String OF_MAXIMUM = "% of max";
    /** Fewer processed appeals than this in the store, and the store growth first makes some to copy. */
    static final long SEED_APPEALS = 50;
    static final double SEED_RATE = 5;
    static final int SEED_ATTEMPTS = 3;
    static final Duration SEED_RUN = Duration.ofSeconds(20);
    /** How long idle CPU is measured, after the runs at the probed rates and before the store grows. */
    static final Duration IDLE_WINDOW = Duration.ofSeconds(20);
    /** Issue 17's targets: the sustained rate, the latency at half of it, and a store of 10^6 against one of 10^4. */
    static final double SUSTAINED_TARGET_PER_SECOND = 100;
    static final long HALF_MAXIMUM_P99_BUDGET_MS = 250;
    static final long LARGEST_STORE_TARGET = 1_000_000;
    static final double STORE_GROWTH_TOLERANCE = 0.2;
    /**
     * Margin on the store's disk estimate for the next growth step: a preloaded appeal took 11.3 KiB of file on the way
     * to 10^5 and 13.6 KiB on the way to 10^6 (5 Dec 2026); the B-trees' pages grow with them.
     */
    static final double STORE_DISK_MARGIN = 1.5;

    private final BenchmarkPlan plan;
    private final Path repositoryRoot;
    private final Path workDirectory;
    private final Consumer<String> log;
    private final List<String> notes = new ArrayList<>();
    private final LoadTestChannel channel = new LoadTestChannel();
    private final Map<String, HotMethods.Profile> profiles = new LinkedHashMap<>();
    /** Made at the first store-growth step, and kept: it reads its templates once. */
    private StorePreload preload;
    /** By run, the store's commands per appeal routed in its load window, by collection ({@link StoreCommands}). */
    private final Map<String, Map<String, StoreCommands.PerAppeal>> storeCommands = new LinkedHashMap<>();
    /** The longest one growth step's preload may take (null: no bound); the run then measures the size reached. */
    private Duration preloadBudget;
    /** What the store's file grew by per appeal in the last preload, in MiB (null: no preload yet). */
    private Double preloadedMibPerAppeal;

    public Benchmark(BenchmarkPlan plan, Path repositoryRoot, Path workDirectory, Consumer<String> log) {
        this.plan = plan;
        this.repositoryRoot = repositoryRoot;
        this.workDirectory = workDirectory;
        this.log = log;
    }

    /** Bounds each growth step's preload; see {@link #preloadBudget}. */
    public Benchmark withPreloadBudget(Duration budget) {
        this.preloadBudget = budget;
        return this;
    }

    public BenchmarkReport run() {
        String startedAt = Instant.now().toString();
        MachineInfo machine = MachineInfo.current();
        Thread stopOnExit = StackProcesses.stopDescendantsOnExit();
        try (MailSink mail = MailSink.start()) {
            StackSettings settings = settings(mail);
            log.accept("Starting the stack in " + settings.dataDirectory());
            BenchmarkReport report;
            try (LocalStack stack = LocalStack.start(settings, log)) {
                report = measure(stack, startedAt, machine);
            } // a run that failed keeps its stack's data, to be looked into
            try {
                discardStoredData(settings.dataDirectory(), settings.logDirectory());
            } catch (IOException | UncheckedIOException e) { // the report matters more than the disk
                log.accept("Could not delete the stack's data in " + settings.dataDirectory() + ": " + e);
            }
            return report;
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            if (preload != null) {
                preload.close();
            }
        }
    }

    /**
     * Deletes what the stopped stack stored (the store's file, 14 GiB at 10^6 appeals, and the broker's logs), keeping
     * the processes' logs and any JVM's crash report ({@code hs_err_pid*.log}, written where the process ran): each full
     * run would otherwise leave 15 GiB behind, and the next one's disk guard would skip the store's largest size.
     */
    static void discardStoredData(Path dataDirectory, Path logDirectory) throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) { // a directory's files before itself
                if (!path.equals(dataDirectory) && !path.startsWith(logDirectory)
                        && !path.getFileName().toString().startsWith("hs_err")) {
                    Files.delete(path);
                }
            }
        }
    }

    private BenchmarkReport measure(LocalStack stack, String startedAt, MachineInfo machine) {
        // The observers sign in as the super user: they read every leg's topic, the consumer groups' offsets,
        // and create the baseline's own topics.
        Map<String, Object> kafka = stack.kafkaClientConfig(KafkaCredentials.ADMIN);
        log.accept("Kafka baseline ...");
        KafkaBaseline.Figures baseline = new KafkaBaseline(kafka,
                stack.kafkaCredentials().map(credentials -> credentials.javaFile(KafkaCredentials.ADMIN)), workDirectory)
                .run(plan.baselineRecords(), plan.latencyRoundTrips());
        log.accept("Baseline: " + baseline);
        try (ArrivalRecorder recorder = new ArrivalRecorder(kafka).start();
             AnalyticsCounter analytics = new AnalyticsCounter(stack.baseUrlOf(StackService.ANALYTICS));
             ConsumerLag lag = new ConsumerLag(kafka);
             MongoClient store = MongoClients.create(stack.mongoUri())) {
            Runs runs = new Runs(stack, recorder, analytics, lag, store,
                    new GatlingRunner(stack.baseUrlOf(StackService.INTAKE), channel.apiKey(), workDirectory.resolve("gatling")));
            return measurePipeline(startedAt, machine, baseline, runs);
        }
    }

    private BenchmarkReport measurePipeline(String startedAt, MachineInfo machine, KafkaBaseline.Figures baseline,
                                            Runs runs) {
        List<RunResult> results = new ArrayList<>();
        if (plan.warmup().isPositive()) {
            // Cold JVMs: the JIT compiles in five processes at once. Reported (it is the harshest overload the stack
            // meets), never judged; then the consumers get a bounded time to work off what it left behind.
            log.accept("Warm-up: " + plan.warmupRate() + "/s for " + plan.warmup().toSeconds() + " s on cold JVMs");
            results.add(runs.open(WARM_UP, plan.warmupRate(), plan.warmup()));
            runs.settle(plan.settle());
        }
        if (plan.jitWarmup().isPositive()) {
            log.accept("Warm-up: " + plan.jitWarmupRate() + "/s for " + plan.jitWarmup().toSeconds() + " s for the JIT");
            results.add(runs.open(JIT_WARM_UP, plan.jitWarmupRate(), plan.jitWarmup()));
            runs.settle(plan.settle());
        }
        RunResult capacity = null;
        double maximum = Double.NaN;
        List<Double> rates = new ArrayList<>(plan.fixedRates());
        if (plan.probeUsers() != null) {
            capacity = runs.closed("capacity probe", plan.probeUsers(), plan.probe());
            maximum = Math.min(capacity.acceptedPerSecond(), capacity.routedPerSecond());
            log.accept("Closed-model estimate of the maximum: " + maximum + " appeals/s");
            if (plan.stepUp() != null) {
                maximum = stepUp(plan.stepUp(), maximum,
                        rate -> runs.open(STEP_UP + (int) rate + "/s", rate, plan.stepUp().step()), results, notes);
                log.accept("Maximum (open-model step-up): " + maximum + " appeals/s");
            }
            for (double fraction : plan.fractionsOfMaximum()) {
                rates.add(fractionOfMaximum(maximum, fraction));
            }
        }
        for (double rate : rates) {
            String name = plan.fixedRates().contains(rate) ? "fixed " + (int) rate + "/s"
                    : Math.round(rate / maximum * 100) + OF_MAXIMUM;
            results.add(runs.open(name, rate, plan.step()));
        }
        List<TargetCheck> targets = new ArrayList<>();
        for (double target : plan.targetRates()) {
            if (maximum >= 0.6 * target) {
                RunResult result = runs.open("target " + (int) target + "/s", target, plan.targetStep());
                results.add(result);
                targets.add(check(target, result));
            } else {
                targets.add(unreachable(target, maximum));
            }
        }
        if (plan.overloadFactor() != null && !Double.isNaN(maximum)) {
            double offered = Math.floor(maximum * plan.overloadFactor());
            RunResult overload = runs.open(OVERLOAD + fmt(plan.overloadFactor()) + "× max", offered, plan.step());
            results.add(overload);
            targets.add(overloaded(overload));
        }
        if (targets.isEmpty()) {
            targets.add(new TargetCheck("≥ 1000 appeals/s accept→routed, 0 errors", null, plan.mode() + " mode judges no timing"));
            targets.add(new TargetCheck("at 500 appeals/s, p99 accept→routed < 100 ms", null, plan.mode() + " mode judges no timing"));
        }
        Map<String, Double> idle = Map.of();
        if (plan.probeUsers() != null) {
            runs.settle(plan.settle());
            idle = runs.idle(IDLE_WINDOW);
            log.accept("Idle CPU ms/s: " + idle);
        }
        double halfMaximum = Double.isNaN(maximum) ? Double.NaN : fractionOfMaximum(maximum, 0.5);
        List<StoreGrowthStep> growth = new ArrayList<>();
        for (long size : plan.storeSizes()) {
            runs.atStoreSize(size, Double.isNaN(halfMaximum) ? 20 : halfMaximum).ifPresent(growth::add);
        }
        Sustained sustained = sustained(results);
        log.accept("Sustained: " + sustained);
        Map<String, CpuModel> cpuModel = cpuModel(results);
        if (plan.probeUsers() != null) {
            targets.add(sustainedTarget(sustained));
            targets.add(halfMaximumLatency(results, halfMaximum));
        }
        if (!plan.storeSizes().isEmpty()) {
            targets.add(storeGrowthTarget(growth));
        }
        // The budgets hold at the sustained rate: a plan that probes no maximum (smoke at 10/s, growth at 20/s) measures
        // them where fixed costs and cold JVMs dominate, which is no verdict. Its CPU table still shows the figures.
        targets.addAll(plan.probeUsers() != null ? cpuTargets(results, sustained, cpuModel)
                : cpuTargetsNotJudged(plan.mode() + " mode probes no maximum, and the budgets hold at the sustained rate"));
        Map<String, Double> ratios = ratios(baseline, sustained, results);
        Map<String, String> stack = new LinkedHashMap<>();
        stack.put("service JVM options", String.join(" ", plan.serviceJvmOptions()));
        stack.put("kafka", "4.1.2, one KRaft node; appeal topics 6 partitions, inboxes 3");
        stack.put("MongoDB", "mongo-java-server H2 backend (file)");
        stack.put("load generator", "Gatling 3.15.1 in the benchmark JVM, shared keep-alive connections");
        return new BenchmarkReport(plan.mode(), startedAt, Instant.now().toString(), machine, MachineInfo.loadAverage(),
                stack, baseline, capacity, results, growth, targets, sustained, CPU_BUDGET_MS_PER_APPEAL, cpuModel, idle, ratios, profiles,
                Map.copyOf(storeCommands), List.copyOf(notes));
    }

    /**
     * The open-model step-up from the closed probe's estimate: each step offers {@link BenchmarkPlan.StepUp#factor()}
     * times the last, until one is not taken in full ({@link #takenInFull}). Returns the last step taken in full. If
     * the first is not, the steps go down by the same factor until one is (one burst of refusals in the first step
     * left the maximum at what that step got through, and the sustained rate at 75 % of it); if none is, what the
     * last step got through.
     */
    static double stepUp(BenchmarkPlan.StepUp stepUp, double estimate, DoubleFunction<RunResult> runAt,
                         List<RunResult> results, List<String> notes) {
        double rate = Math.max(2, Math.floor(estimate * stepUp.fromEstimate()));
        double maximum = Double.NaN;
        boolean down = false;
        for (int i = 0; i < stepUp.maxSteps(); i++) {
            RunResult step = runAt.apply(rate);
            results.add(step);
            if (takenInFull(step)) {
                maximum = rate;
                if (down) {
                    return maximum;
                }
                rate = Math.ceil(rate * stepUp.factor());
                continue;
            }
            notes.add("The step-up " + (Double.isNaN(maximum) ? "stepped down from " : "stopped at ") + (int) rate
                    + "/s: 202 " + fmt(step.acceptedPerSecond()) + "/s, routed " + fmt(step.routedPerSecond())
                    + "/s, errors " + step.errors() + ", not routed " + step.notRouted() + ", routing kept up: "
                    + keptUp(step, ROUTING_GROUP) + ".");
            if (!Double.isNaN(maximum)) {
                return maximum;
            }
            if (rate <= 2) {
                return Math.max(1, Math.floor(Math.min(step.acceptedPerSecond(), step.routedPerSecond())));
            }
            down = true;
            rate = Math.max(2, Math.floor(rate / stepUp.factor()));
        }
        if (Double.isNaN(maximum)) {
            RunResult last = results.getLast();
            return Math.max(1, Math.floor(Math.min(last.acceptedPerSecond(), last.routedPerSecond())));
        }
        notes.add("The step-up took every one of its " + stepUp.maxSteps() + " steps in full; the maximum is at least "
                + fmt(maximum) + "/s.");
        return maximum;
    }

    /**
     * Every request answered 202, every appeal routed, and routing's lag bounded while the load lasted. (Not routed/s
     * against offered: it counts from the first 202 to the last inbox arrival, so a short step whose last appeal took
     * 2 s falls 10% short although routing kept up.)
     */
    static boolean takenInFull(RunResult run) {
        return run.errorCount() == 0 && run.notRouted() == 0 && Boolean.TRUE.equals(keptUp(run, ROUTING_GROUP));
    }

    private static Boolean keptUp(RunResult run, String group) {
        LagSampler.GroupVerdict verdict = run.consumers().get(group);
        return verdict == null ? null : verdict.keptUp();
    }

    /**
     * The highest open-model rate taken in full ({@link #takenInFull}) at which every consumer group kept up; if
     * there is none, the highest taken in full, with {@code allConsumersKeptUp} false. The warm-up and the overload
     * run are not candidates.
     */
    static boolean isWarmUp(RunResult run) {
        return run.name().equals(WARM_UP) || run.name().equals(JIT_WARM_UP);
    }

    static Sustained sustained(List<RunResult> runs) {
        List<RunResult> candidates = runs.stream()
                .filter(run -> run.model().equals("open") && !isWarmUp(run) && !run.name().startsWith(OVERLOAD))
                .filter(Benchmark::takenInFull).toList();
        return candidates.stream().filter(run -> Boolean.TRUE.equals(run.allConsumersKeptUp()))
                .max(Comparator.comparingDouble(RunResult::offeredPerSecond))
                .map(run -> new Sustained(run.offeredPerSecond(), true, run.name()))
                .or(() -> candidates.stream().max(Comparator.comparingDouble(RunResult::offeredPerSecond))
                        .map(run -> new Sustained(run.offeredPerSecond(), false, run.name())))
                .orElse(new Sustained(0, false, null));
    }

    /**
     * Each process's CPU ms per second against appeals routed per second over the open-model runs taken in full (the
     * warm-up and the overload run left out): a least-squares line whose intercept is what the process burns whatever the
     * rate while load lasts (JIT, collections, the benchmark's polling; not idle, which {@link Runs#idle} measures) and
     * whose slope is what one more appeal costs it. At low rates the fixed part dominates the
     * per-appeal figure; the slope is what decides how far the cores can go. Needs 3 runs at different rates.
     */
    static Map<String, CpuModel> cpuModel(List<RunResult> runs) {
        List<RunResult> fits = runs.stream()
                .filter(run -> run.model().equals("open") && !isWarmUp(run) && !run.name().startsWith(OVERLOAD))
                .filter(Benchmark::takenInFull).filter(run -> run.durationSeconds() > 0).toList();
        Map<String, CpuModel> model = new LinkedHashMap<>();
        if (fits.stream().map(RunResult::offeredPerSecond).distinct().count() < 3) {
            return model;
        }
        fits.getFirst().processes().keySet().forEach(process -> {
            List<double[]> points = fits.stream().filter(run -> run.processes().containsKey(process))
                    .map(run -> new double[] {run.routedInWindow() / (double) run.durationSeconds(),
                            run.processes().get(process).cpuMillis() / (double) run.durationSeconds()})
                    .toList();
            double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
            double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
            double sxx = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[0] - meanX)).sum();
            double sxy = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[1] - meanY)).sum();
            if (sxx > 0) {
                double slope = sxy / sxx;
                model.put(process, new CpuModel(round(meanY - slope * meanX), round(slope), points.size()));
            }
        });
        return model;
    }

    /**
     * The CPU budget per appeal, each process against its own, measured in the sustained run (the run the budget is
     * about: the pipeline keeping up). Processes without a budget (the broker, the MongoDB-wire server, the load
     * generator) are shown in the report's CPU table, not judged.
     */
    static List<TargetCheck> cpuTargetsNotJudged(String why) {
        return CPU_BUDGET_MS_PER_APPEAL.entrySet().stream()
                .map(budget -> new TargetCheck(cpuTarget(budget.getKey(), budget.getValue()), null, why)).toList();
    }

    private static String cpuTarget(String process, double budgetMillis) {
        return process + " ≤ " + fmt(budgetMillis) + " ms CPU per appeal";
    }

    static List<TargetCheck> cpuTargets(List<RunResult> runs, Sustained sustained, Map<String, CpuModel> model) {
        RunResult reference = runs.stream().filter(run -> run.name().equals(sustained.run())).findFirst().orElse(null);
        List<TargetCheck> checks = new ArrayList<>();
        CPU_BUDGET_MS_PER_APPEAL.forEach((process, budget) -> {
            ProcessUsage usage = reference == null ? null : reference.processes().get(process);
            Double perAppeal = usage == null ? null : usage.cpuMillisPerAppeal();
            checks.add(new TargetCheck(cpuTarget(process, budget), perAppeal == null ? null
                    : perAppeal <= budget, perAppeal == null ? "not measured (no sustained run)"
                    : fmt(perAppeal) + " ms per appeal in '" + reference.name() + "', of which the JIT compiler "
                            + (usage.jitMillisPerAppeal() == null ? "-" : fmt(usage.jitMillisPerAppeal())) + " ms (" + usage.cpuMillis() + " ms CPU for "
                            + reference.routedInWindow() + " appeals routed)" + (model.containsKey(process)
                            ? "; fixed " + fmt(model.get(process).fixedMillisPerSecond()) + " ms/s + marginal "
                            + fmt(model.get(process).marginalMillisPerAppeal()) + " ms per appeal" : "")));
        });
        return checks;
    }

    /**
     * Overload is graceful when every caller hears back fast: no request without an answer (status 0), every
     * refusal a 503 or 429 (which carry Retry-After), the slowest HTTP answer within 2 s, and every 202 routed. A run in
     * which the stack took everything in time was no overload: not judged.
     */
    static TargetCheck overloaded(RunResult result) {
        int unanswered = result.errors().getOrDefault("0", 0);
        int otherRefusals = result.errors().entrySet().stream()
                .filter(e -> !List.of("0", "503", "429").contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        Long p99 = result.httpLatency().p99();
        Long max = result.httpLatency().max();
        boolean met = unanswered == 0 && otherRefusals == 0 && max != null && max <= 2000 && result.notRouted() == 0;
        // Nothing refused and nothing late: the stack took this rate, so it was no overload (the maximum was set too low).
        boolean overloaded = result.errorCount() > 0 || !met;
        return new TargetCheck("overload at " + (int) result.offeredPerSecond() + "/s: every caller answered within 2 s, "
                + "refusals 503/429 only, every 202 routed", overloaded ? met : null,
                "202 " + result.accepted() + ", refused " + result.errors() + ", HTTP p99 " + p99 + " ms, max " + max
                        + " ms, not routed " + result.notRouted() + (overloaded ? ""
                        : "; nothing was refused, so this rate did not overload the stack"));
    }

    /** At least {@link #SUSTAINED_TARGET_PER_SECOND} taken in full with every group and notification's delivery keeping up. */
    static TargetCheck sustainedTarget(Sustained sustained) {
        boolean met = sustained.allConsumersKeptUp() && sustained.appealsPerSecond() >= SUSTAINED_TARGET_PER_SECOND;
        return new TargetCheck("≥ " + (int) SUSTAINED_TARGET_PER_SECOND + " appeals/s sustained, every consumer group and"
                + " notification's delivery keeping up", met, sustained.run() == null ? "no open-model run taken in full"
                : fmt(sustained.appealsPerSecond()) + " appeals/s ('" + sustained.run() + "'), all consumers kept up: "
                + (sustained.allConsumersKeptUp() ? "yes" : "no"));
    }

    /**
     * p99 accept → inbox within {@link #HALF_MAXIMUM_P99_BUDGET_MS} at half the maximum: the run at {@code halfRate}
     * among the fractions of the maximum (the maximum is the step-up's, at least the sustained rate, so this is at
     * least as hard as half the sustained rate).
     */
    static TargetCheck halfMaximumLatency(List<RunResult> runs, double halfRate) {
        String target = "p99 accept→inbox ≤ " + HALF_MAXIMUM_P99_BUDGET_MS + " ms at half the maximum";
        RunResult run = runs.stream().filter(r -> r.name().endsWith(OF_MAXIMUM) && r.offeredPerSecond() == halfRate)
                .findFirst().orElse(null);
        if (run == null) {
            return new TargetCheck(target, null, "no run at half the maximum (" + fmt(halfRate) + "/s) in this plan");
        }
        LatencySummary inbox = run.legs().get("inbox");
        return new TargetCheck(target, inboxP99Within(run, HALF_MAXIMUM_P99_BUDGET_MS), "p99 " + inbox.p99() + " ms (p50 "
                + inbox.p50() + ", max " + inbox.max() + ") at " + fmt(run.offeredPerSecond()) + "/s ('" + run.name()
                + "'), errors " + run.errorCount() + ", not routed " + run.notRouted());
    }

    /** Every request answered 202, every appeal routed, and p99 accept → inbox at most {@code budgetMillis}. */
    private static boolean inboxP99Within(RunResult run, long budgetMillis) {
        LatencySummary inbox = run.legs().get("inbox");
        return inbox.count() > 0 && inbox.p99() <= budgetMillis && run.errorCount() == 0 && run.notRouted() == 0;
    }

    /** Disk for {@code missing} more appeals at {@code mibPerAppeal}, with {@link #STORE_DISK_MARGIN}, in MiB. */
    static long neededMib(double mibPerAppeal, long missing) {
        return (long) Math.ceil(mibPerAppeal * missing * STORE_DISK_MARGIN);
    }

    /** The disk {@code missing} more appeals need ({@link #neededMib}) when {@code usableMib} is less; else empty. */
    static Optional<Long> shortOfDisk(double mibPerAppeal, long missing, long usableMib) {
        long needed = neededMib(mibPerAppeal, missing);
        return needed <= usableMib ? Optional.empty() : Optional.of(needed);
    }

    /** The rate of the run at {@code fraction} of the maximum (at least 1/s): the fixed-rate runs and the store's. */
    static double fractionOfMaximum(double maximum, double fraction) {
        return Math.max(1, Math.floor(maximum * fraction));
    }

    /**
     * The largest store against the smallest, both at the same offered rate (half the maximum): p99 accept → inbox at
     * most {@link #STORE_GROWTH_TOLERANCE} above the smallest store's, every request answered 202 and every appeal
     * routed. The rate alone cannot tell: below the maximum, what is offered is routed at any size. Not judged (null)
     * until the largest store holds 10^6 appeals.
     */
    static TargetCheck storeGrowthTarget(List<StoreGrowthStep> growth) {
        String target = "a store of 10^6 appeals: p99 accept→inbox within " + Math.round(STORE_GROWTH_TOLERANCE * 100)
                + "% of the smallest store's at the same rate, 0 errors, every 202 routed";
        if (growth.size() < 2) {
            return new TargetCheck(target, null, "fewer than two store sizes measured");
        }
        StoreGrowthStep smallest = growth.getFirst();
        StoreGrowthStep largest = growth.getLast();
        String evidence = storeEvidence(smallest) + "; " + storeEvidence(largest);
        if (largest.storeSize() < LARGEST_STORE_TARGET) {
            return new TargetCheck(target, null, "not run at 10^6 (largest store " + largest.storeSize() + "); " + evidence);
        }
        RunResult small = smallest.run();
        RunResult large = largest.run();
        Long smallP99 = small.legs().get("inbox").p99();
        boolean met = smallP99 != null && inboxP99Within(large, (long) Math.floor(smallP99 * (1 + STORE_GROWTH_TOLERANCE)))
                && small.errorCount() == 0 && small.notRouted() == 0;
        return new TargetCheck(target, met, evidence);
    }

    private static String storeEvidence(StoreGrowthStep step) {
        RunResult run = step.run();
        LatencySummary inbox = run.legs().get("inbox");
        return "at " + step.storeSize() + " appeals: p50 / p99 accept→inbox " + inbox.p50() + " / " + inbox.p99()
                + " ms, routed " + fmt(run.routedPerSecond()) + "/s of " + fmt(run.offeredPerSecond()) + ", errors "
                + run.errorCount() + ", not routed " + run.notRouted();
    }

    private static TargetCheck check(double target, RunResult result) {
        if (target >= 1000) {
            boolean met = result.acceptedPerSecond() >= 0.99 * target && result.routedPerSecond() >= 0.99 * target
                    && result.errorCount() == 0 && result.notRouted() == 0;
            return new TargetCheck("≥ " + (int) target + " appeals/s accept→routed, 0 errors", met,
                    "offered " + (int) target + "/s: 202 " + fmt(result.acceptedPerSecond()) + "/s, routed "
                            + fmt(result.routedPerSecond()) + "/s, errors " + result.errorCount() + ", not routed "
                            + result.notRouted());
        }
        LatencySummary inbox = result.legs().get("inbox");
        return new TargetCheck("at " + (int) target + " appeals/s, p99 accept→routed < 100 ms", inboxP99Within(result, 99),
                "p99 " + inbox.p99() + " ms (p50 " + inbox.p50() + ", max " + inbox.max() + "), errors "
                        + result.errorCount());
    }

    private static TargetCheck unreachable(double target, double maximum) {
        String what = target >= 1000 ? "≥ " + (int) target + " appeals/s accept→routed, 0 errors"
                : "at " + (int) target + " appeals/s, p99 accept→routed < 100 ms";
        return new TargetCheck(what, Double.isNaN(maximum) ? null : false, Double.isNaN(maximum)
                ? "no maximum probed in this mode"
                : "not run: the probed maximum is " + fmt(maximum) + " appeals/s, under 60% of the target rate");
    }

    private static Map<String, Double> budgets() {
        Map<String, Double> budgets = new LinkedHashMap<>();
        budgets.put("intake-service", 2.0);
        budgets.put("routing-service", 2.0);
        budgets.put("analytics-service", 2.0);
        budgets.put("notification-service", 4.0);
        return java.util.Collections.unmodifiableMap(budgets);
    }

    private static Map<String, Double> ratios(KafkaBaseline.Figures baseline, Sustained sustained, List<RunResult> runs) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("sustained appeals/s ÷ ProducerPerformance records/s",
                Math.round(sustained.appealsPerSecond() / baseline.producer().recordsPerSecond() * 1e6) / 1e6);
        RunResult reference = runs.stream().filter(r -> !isWarmUp(r) && r.legs().get("inbox").count() > 0)
                .min(Comparator.comparingDouble(RunResult::offeredPerSecond)).orElse(null);
        if (reference != null) {
            LatencySummary inbox = reference.legs().get("inbox");
            ratios.put("accept→inbox p50 (" + reference.name() + ") ÷ EndToEndLatency p50",
                    round(inbox.p50() / (double) Math.max(1, baseline.endToEnd().p50Millis())));
            ratios.put("accept→inbox p99 (" + reference.name() + ") ÷ EndToEndLatency p99",
                    round(inbox.p99() / (double) Math.max(1, baseline.endToEnd().p99Millis())));
        }
        return ratios;
    }

    private StackSettings settings(MailSink mail) {
        StackSettings free = StackSettings.onFreePorts(repositoryRoot, workDirectory.resolve("stack"),
                repositoryRoot.resolve("local-stack/target/kafka-libs"));
        return channel.configure(LoadTestChannel.withJvmOptions(free, plan.serviceJvmOptions()), mail)
                .withServiceArguments(StackService.INTAKE, plan.intakeArguments());
    }

    static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Runs load against the stack and measures one run from the outside. */
    private final class Runs {
        private final LocalStack stack;
        private final ArrivalRecorder recorder;
        private final AnalyticsCounter analytics;
        private final ConsumerLag lag;
        private final MongoClient store;
        private final GatlingRunner gatling;
        private int sequence;

        Runs(LocalStack stack, ArrivalRecorder recorder, AnalyticsCounter analytics, ConsumerLag lag, MongoClient store,
             GatlingRunner gatling) {
            this.stack = stack;
            this.recorder = recorder;
            this.analytics = analytics;
            this.lag = lag;
            this.store = store;
            this.gatling = gatling;
        }

        RunResult open(String name, double rate, Duration duration) {
            log.accept("Run '" + name + "': open model, " + rate + " arrivals/s for " + duration.toSeconds() + " s");
            return measure(name, "open", rate, duration,
                    () -> gatling.atFixedRate(runId(), rate, duration));
        }

        /** The closed-model probe, with a JFR recording of each service. */
        RunResult closed(String name, int users, Duration duration) {
            log.accept("Run '" + name + "': closed model, " + users + " users for " + duration.toSeconds() + " s");
            Map<StackService, Future<Boolean>> started = new EnumMap<>(StackService.class);
            try (ExecutorService jcmd = Executors.newVirtualThreadPerTaskExecutor()) {
                // At once, so that every recording covers the same window as the load: each jcmd is a JVM's start.
                for (StackService service : StackService.values()) {
                    started.put(service, jcmd.submit(() -> HotMethods.startRecording(stack.processOf(service).pid(),
                            (int) duration.toSeconds(), probeRecording(service))));
                }
            }
            Map<String, Path> recordings = new LinkedHashMap<>();
            started.forEach((service, recording) -> {
                if (recording.resultNow()) {
                    recordings.put(service.module(), probeRecording(service));
                }
            });
            RunResult result = measure(name, "closed (" + users + " users)", users, duration,
                    () -> gatling.withConcurrentUsers(runId(), users, duration));
            recordings.forEach((process, file) -> {
                HotMethods.Profile profile = HotMethods.profile(file, 8);
                if (profile == null) {
                    notes.add("No JFR profile could be read for " + process + " (" + file + ").");
                } else {
                    profiles.put(process, profile);
                }
            });
            return result;
        }

        private Path probeRecording(StackService service) {
            return workDirectory.resolve(service.module() + "-probe.jfr");
        }

        /**
         * Each process's CPU ms per second over {@code window} with no load and nothing polling it (the runs' analytics
         * sampling and lag sampler are stopped between runs): what the stack burns while nobody writes.
         */
        Map<String, Double> idle(Duration window) {
            Map<String, Long> pids = StackProcesses.of(stack);
            Map<String, ProcessSample> before = StackProcesses.sample(pids);
            try {
                Thread.sleep(window.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Map.of();
            }
            Map<String, ProcessSample> after = StackProcesses.sample(pids);
            Map<String, Double> idle = new LinkedHashMap<>();
            before.forEach((process, start) -> {
                ProcessSample end = after.get(process);
                if (end != null) {
                    double seconds = (end.takenAtNanos() - start.takenAtNanos()) / 1e9;
                    idle.put(process, round(end.cpuMillisSince(start) / seconds));
                }
            });
            return idle;
        }

        /** Gives every consumer group up to {@code timeout} in all to work off what the load before left behind. */
        void settle(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (String group : CONSUMER_GROUPS) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !lag.awaitCaughtUp(group, Duration.ofNanos(left))) {
                    notes.add(group + " had not caught up " + timeout.toSeconds() + " s after the warm-up.");
                }
            }
        }

        /**
         * Grows the store to {@code size} appeals with {@link StorePreload} (the services' documents written
         * straight into their collections; nothing for the consumers to work off), then measures a run on it.
         * The first growth copies appeals processed earlier in the benchmark; with none yet, a short seed run
         * makes some. Empty when the disk has not the room for the store at {@code size} ({@link #noRoomFor}; a note
         * says what it would need).
         */
        Optional<StoreGrowthStep> atStoreSize(long size, double rate) {
            if (preload == null) {
                preload = new StorePreload(stack.mongoUri());
            }
            for (int attempt = 1; attempt <= SEED_ATTEMPTS && preload.storedAppeals() < SEED_APPEALS; attempt++) {
                // A cold stack on a busy machine refuses much of a first load: gently, and again if need be.
                log.accept("Seed run " + attempt + ": appeals the preload can copy");
                open("seed (not reported)", Math.min(rate, SEED_RATE), SEED_RUN);
                settle(SEED_RUN.multipliedBy(3));
            }
            long current = preload.storedAppeals();
            Long preloaded = null;
            Double seconds = null;
            if (size > current) {
                long missing = size - current;
                StoreFigures before = preload.storeFigures();
                Optional<String> noRoom = noRoomFor(before, current, missing);
                if (noRoom.isPresent()) {
                    notes.add("The store was not grown to " + size + ": " + noRoom.get() + ".");
                    log.accept(notes.getLast());
                    return Optional.empty();
                }
                log.accept("Preloading " + missing + " appeals (the services' documents, bulk-inserted) to reach "
                        + size);
                long begin = System.nanoTime();
                long written = preload.grow(missing,
                        preloadBudget == null ? null : Instant.now().plus(preloadBudget));
                seconds = round((System.nanoTime() - begin) / 1e9);
                if (written < missing) {
                    notes.add("The preload to " + size + " stopped at its budget of " + preloadBudget.toMinutes()
                            + " min, " + written + " appeals later: the run at " + size + " ran on "
                            + (current + written) + " appeals.");
                    log.accept(notes.getLast());
                }
                missing = written;
                preloaded = written;
                StoreFigures grown = preload.storeFigures();
                if (before != null && grown != null && written > 0) {
                    preloadedMibPerAppeal = (grown.fileMib() - before.fileMib()) / (double) written;
                }
                log.accept("  -> " + missing + " appeals in " + seconds + " s (" + round(missing / seconds) + "/s); "
                        + grown);
            }
            RunResult run = open("store " + size, rate, plan.step());
            StoreFigures store = preload.storeFigures();
            log.accept("  store at " + size + ": " + store);
            return Optional.of(new StoreGrowthStep(preloaded == null ? current : current + preloaded, preloaded, seconds,
                    preloaded == null ? null : round(preloaded / seconds), run, store));
        }

        /**
         * Why the disk of the work directory (where the store's file is) cannot take {@code missing} more appeals, if
         * it cannot: the store's file per appeal so far, times the appeals to add, with a margin (10^6 took 13.4 GiB
         * on 3 December). A full disk would stop the MongoDB-wire server in the middle of the run.
         */
        private Optional<String> noRoomFor(StoreFigures figures, long current, long missing) {
            if (figures == null || current == 0) {
                return Optional.empty();
            }
            // The last preload's growth per appeal, else the file per appeal so far (which holds the runs' own
            // writes and history, about twice what a preloaded appeal adds).
            double mibPerAppeal = preloadedMibPerAppeal != null ? preloadedMibPerAppeal : figures.fileMib() / (double) current;
            try {
                long usableMib = Files.getFileStore(workDirectory).getUsableSpace() >> 20;
                return shortOfDisk(mibPerAppeal, missing, usableMib).map(neededMib -> "it needs about " + neededMib
                        + " MiB more disk, and " + workDirectory + " has " + usableMib + " MiB free");
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private String runId() {
            return "bench-" + Long.toHexString(System.currentTimeMillis()) + "-" + (++sequence);
        }

        private RunResult measure(String name, String model, double offered, Duration duration,
                                  Supplier<List<Submission>> load) {
            recorder.clear();
            long storeBefore = lag.endOffsets(Topics.APPEALS_SUBMITTED);
            long countedBefore = analytics.count().orElse(-1);
            analytics.sampleEvery(Duration.ofMillis(500));
            Map<String, Long> pids = StackProcesses.of(stack);
            LagSampler lags = new LagSampler(lag, CONSUMER_GROUPS,
                    Map.of(NOTIFICATION_DELIVERY, () -> recorder.backlog(Leg.SUBMITTED, Leg.NOTIFIED))).start();
            long loadStart = System.currentTimeMillis();
            Map<String, ProcessSample> before = StackProcesses.sample(pids);
            StoreCommands commandsBefore = StoreCommands.of(store);
            List<Submission> submissions = load.get();
            Map<String, ProcessSample> after = StackProcesses.sample(pids);
            StoreCommands commandsAfter = StoreCommands.of(store);
            long loadEnd = System.currentTimeMillis();
            Map<String, LagSampler.GroupVerdict> consumers = LagSampler.verdicts(lags.stop(), lags.judged());

            Set<String> accepted = new HashSet<>();
            Map<String, Integer> errors = new TreeMap<>();
            List<Long> httpLatencies = new ArrayList<>();
            for (Submission s : submissions) {
                if (s.accepted()) {
                    accepted.add(s.appealId());
                } else {
                    errors.merge(Integer.toString(s.status()), 1, Integer::sum);
                }
                if (s.status() > 0 && s.responseTimeMillis() >= 0) {
                    httpLatencies.add(s.responseTimeMillis());
                }
            }
            awaitArrivals(accepted, countedBefore);
            List<AnalyticsCounter.Observation> counts = analytics.stopSampling();

            Map<String, Long> submitted = recorder.arrivals(Leg.SUBMITTED);
            Map<String, Long> acceptedAt = new java.util.HashMap<>();
            for (Submission s : submissions) {
                if (s.accepted()) {
                    // intake's send of appeal.submitted; the 202's arrival minus its response time if unseen
                    acceptedAt.put(s.appealId(), submitted.getOrDefault(s.appealId(),
                            s.completedAtMillis() - s.responseTimeMillis()));
                }
            }
            Map<String, LatencySummary> legs = new LinkedHashMap<>();
            legs.put("inbox", leg(acceptedAt, recorder.arrivals(Leg.INBOX)));
            legs.put("routed", leg(acceptedAt, recorder.arrivals(Leg.ROUTED)));
            legs.put("notified", leg(acceptedAt, recorder.arrivals(Leg.NOTIFIED)));
            List<Long> acceptOrder = acceptedAt.values().stream().sorted().toList();
            legs.put("counted", countedBefore < 0 ? LatencySummary.of(List.of())
                    : LatencySummary.of(CountedTimes.latencies(acceptOrder, countedBefore, counts)));

            Map<String, Long> inbox = recorder.arrivals(Leg.INBOX);
            int notRouted = (int) accepted.stream().filter(id -> !inbox.containsKey(id)).count();
            Map<String, Integer> inboxCounts = recorder.counts(Leg.INBOX);
            int duplicates = (int) accepted.stream().filter(id -> inboxCounts.getOrDefault(id, 0) > 1).count();
            long firstAccept = acceptOrder.isEmpty() ? 0 : acceptOrder.getFirst();
            long lastInbox = accepted.stream().map(inbox::get).filter(java.util.Objects::nonNull)
                    .mapToLong(Long::longValue).max().orElse(firstAccept);
            int routedCount = accepted.size() - notRouted;
            double routedSpan = Math.max(duration.toMillis(), lastInbox - firstAccept) / 1000.0;

            // Every appeal that reached an inbox while the load lasted, this run's or one left over from before: the
            // work the CPU of the load window paid for.
            int routedInWindow = (int) inbox.values().stream().filter(at -> at >= loadStart && at <= loadEnd).count();
            Map<String, ProcessUsage> processes = new LinkedHashMap<>();
            after.forEach((process, end) -> {
                ProcessSample start = before.get(process);
                if (start != null) {
                    long cpuMillis = end.cpuMillisSince(start);
                    Long jitMillis = end.jitMillisSince(start);
                    processes.put(process, new ProcessUsage(end.cpuPercentSince(start), cpuMillis,
                            routedInWindow == 0 ? null : round(cpuMillis / (double) routedInWindow),
                            routedInWindow == 0 || jitMillis == null ? null : round(jitMillis / (double) routedInWindow),
                            end.rssKib() / 1024, end.peakRssKib() / 1024));
                }
            });
            if (routedInWindow > 0) {
                storeCommands.put(name, commandsAfter.perAppealSince(commandsBefore, routedInWindow));
            }
            Boolean allKeptUp = consumers.values().stream().anyMatch(v -> v.keptUp() == null) ? null
                    : consumers.values().stream().allMatch(v -> v.keptUp());
            RunResult result = new RunResult(name, model, offered, duration.toSeconds(), storeBefore, submissions.size(),
                    accepted.size(), errors, round(accepted.size() / (double) duration.toSeconds()),
                    round(routedCount / routedSpan), notRouted, duplicates, LatencySummary.of(httpLatencies), legs,
                    processes, routedInWindow, consumers, allKeptUp);
            log.accept("  -> " + result.accepted() + " accepted (" + result.acceptedPerSecond() + "/s), routed "
                    + result.routedPerSecond() + "/s, errors " + errors + ", not routed " + notRouted + ", inbox "
                    + legs.get("inbox") + ", HTTP " + result.httpLatency() + ", consumers kept up " + allKeptUp + " "
                    + consumers);
            return result;
        }

        /** Waits (bounded) until every accepted appeal reached its inbox, was notified and was counted. */
        private void awaitArrivals(Set<String> accepted, long countedBefore) {
            long deadline = System.nanoTime() + plan.drain().toNanos();
            while (System.nanoTime() < deadline) {
                boolean routed = recorder.arrivals(Leg.INBOX).keySet().containsAll(accepted);
                boolean notified = recorder.arrivals(Leg.NOTIFIED).keySet().containsAll(accepted);
                boolean counted = countedBefore < 0
                        || analytics.count().orElse(Long.MIN_VALUE) >= countedBefore + accepted.size();
                if (routed && notified && counted) {
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            log.accept("  (drain ended after " + plan.drain().toSeconds() + " s with arrivals still missing)");
        }

        private LatencySummary leg(Map<String, Long> acceptedAt, Map<String, Long> arrivals) {
            List<Long> latencies = new ArrayList<>();
            acceptedAt.forEach((id, at) -> {
                Long arrived = arrivals.get(id);
                if (arrived != null) {
                    latencies.add(Math.max(0, arrived - at));
                }
            });
            return LatencySummary.of(latencies);
        }
    }
}
