package kz.hearingstate.performance.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import kz.hearingstate.events.Topics;
import kz.hearingstate.localstack.KafkaCredentials;
import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.localstack.StackSettings;
import kz.hearingstate.performance.baseline.KafkaBaseline;
import kz.hearingstate.performance.load.BulkAppealProducer;
import kz.hearingstate.performance.load.GatlingRunner;
import kz.hearingstate.performance.load.LoadTestChannel;
import kz.hearingstate.performance.load.SubmissionLog.Submission;
import kz.hearingstate.performance.measure.AnalyticsCounter;
import kz.hearingstate.performance.measure.ArrivalRecorder;
import kz.hearingstate.performance.measure.ArrivalRecorder.Leg;
import kz.hearingstate.performance.measure.ConsumerLag;
import kz.hearingstate.performance.measure.CountedTimes;
import kz.hearingstate.performance.measure.HotMethods;
import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.measure.MachineInfo;
import kz.hearingstate.performance.measure.ProcessSample;
import kz.hearingstate.performance.measure.StackProcesses;
import kz.hearingstate.performance.report.BenchmarkReport;
import kz.hearingstate.performance.report.BenchmarkReport.ProcessUsage;
import kz.hearingstate.performance.report.BenchmarkReport.RunResult;
import kz.hearingstate.performance.report.BenchmarkReport.StoreGrowthStep;
import kz.hearingstate.performance.report.BenchmarkReport.TargetCheck;

/**
 * One benchmark run on a local stack of its own (free ports, a fresh data directory): the Kafka
 * baseline, then the pipeline at fixed arrival rates, then the store-growth runs. Everything is
 * measured from outside the services: HTTP answers at the load generator, Kafka timestamps on the
 * topics, analytics' count over HTTP, and /proc for every process.
 */
public final class Benchmark {

    static final String ROUTING_GROUP = "routing";
    /** How long routing may take to absorb a bulk preload before the store-size run starts anyway. */
    static final Duration PRELOAD_WAIT = Duration.ofMinutes(4);

    private final BenchmarkPlan plan;
    private final Path repositoryRoot;
    private final Path workDirectory;
    private final Consumer<String> log;
    private final List<String> notes = new ArrayList<>();
    private final LoadTestChannel channel = new LoadTestChannel();
    private final Map<String, Map<String, Double>> profiles = new LinkedHashMap<>();

    public Benchmark(BenchmarkPlan plan, Path repositoryRoot, Path workDirectory, Consumer<String> log) {
        this.plan = plan;
        this.repositoryRoot = repositoryRoot;
        this.workDirectory = workDirectory;
        this.log = log;
    }

    public BenchmarkReport run() {
        String startedAt = Instant.now().toString();
        MachineInfo machine = MachineInfo.current();
        StackSettings settings = settings();
        log.accept("Starting the stack in " + settings.dataDirectory());
        Thread stopOnExit = StackProcesses.stopDescendantsOnExit();
        try (LocalStack stack = LocalStack.start(settings, log)) {
            return measure(stack, startedAt, machine);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
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
             ConsumerLag lag = new ConsumerLag(kafka)) {
            Runs runs = new Runs(stack, recorder, analytics, lag,
                    new GatlingRunner(stack.baseUrlOf(StackService.INTAKE), channel.apiKey(), workDirectory.resolve("gatling")));
            return measurePipeline(startedAt, machine, baseline, runs);
        }
    }

    private BenchmarkReport measurePipeline(String startedAt, MachineInfo machine, KafkaBaseline.Figures baseline,
                                            Runs runs) {
        if (plan.warmup().isPositive()) {
            log.accept("Warm-up: " + plan.warmupRate() + "/s for " + plan.warmup().toSeconds() + " s (not reported)");
            runs.open("warm-up", plan.warmupRate(), plan.warmup());
        }
        RunResult capacity = null;
        double maximum;
        List<Double> rates = new ArrayList<>(plan.fixedRates());
        if (plan.probeUsers() != null) {
            capacity = runs.closed("capacity probe", plan.probeUsers(), plan.probe());
            maximum = Math.min(capacity.acceptedPerSecond(), capacity.routedPerSecond());
            log.accept("Maximum sustained: " + maximum + " appeals/s");
            for (double fraction : plan.fractionsOfMaximum()) {
                rates.add(Math.max(1, Math.floor(maximum * fraction)));
            }
        } else {
            maximum = Double.NaN;
        }
        List<RunResult> results = new ArrayList<>();
        for (double rate : rates) {
            String name = plan.fixedRates().contains(rate) ? "fixed " + (int) rate + "/s"
                    : Math.round(rate / maximum * 100) + "% of max";
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
            RunResult overload = runs.open("overload " + fmt(plan.overloadFactor()) + "× max", offered, plan.step());
            results.add(overload);
            targets.add(overloaded(overload));
        }
        if (targets.isEmpty()) {
            targets.add(new TargetCheck("≥ 1000 appeals/s accept→routed, 0 errors", null, plan.mode() + " mode judges no timing"));
            targets.add(new TargetCheck("at 500 appeals/s, p99 accept→routed < 100 ms", null, plan.mode() + " mode judges no timing"));
        }
        List<StoreGrowthStep> growth = new ArrayList<>();
        for (long size : plan.storeSizes()) {
            growth.add(runs.atStoreSize(size, Double.isNaN(maximum) ? 20 : Math.max(1, Math.floor(maximum * 0.5))));
        }
        Map<String, Double> ratios = ratios(baseline, capacity, results);
        Map<String, String> stack = new LinkedHashMap<>();
        stack.put("service JVM options", String.join(" ", plan.serviceJvmOptions()));
        stack.put("kafka", "4.1.2, one KRaft node; appeal topics 6 partitions, inboxes 3");
        stack.put("MongoDB", "mongo-java-server H2 backend (file)");
        stack.put("load generator", "Gatling 3.15.1 in the benchmark JVM, shared keep-alive connections");
        return new BenchmarkReport(plan.mode(), startedAt, Instant.now().toString(), machine, MachineInfo.loadAverage(),
                stack, baseline, capacity, results, growth, targets, ratios, profiles, List.copyOf(notes));
    }

    /**
     * Overload is graceful when every caller hears back fast: no request without an answer (status 0), every
     * refusal a 503 or 429 (which carry Retry-After), p99 of the HTTP answers at most 2 s, and every 202 routed.
     */
    static TargetCheck overloaded(RunResult result) {
        int unanswered = result.errors().getOrDefault("0", 0);
        int otherRefusals = result.errors().entrySet().stream()
                .filter(e -> !List.of("0", "503", "429").contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        Long p99 = result.httpLatency().p99();
        boolean met = unanswered == 0 && otherRefusals == 0 && p99 != null && p99 <= 2000 && result.notRouted() == 0;
        return new TargetCheck("overload at " + (int) result.offeredPerSecond() + "/s: every caller answered within 2 s, "
                + "refusals 503/429 only, every 202 routed", met,
                "202 " + result.accepted() + ", refused " + result.errors() + ", HTTP p99 " + p99 + " ms, not routed "
                        + result.notRouted());
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
        boolean met = inbox.count() > 0 && inbox.p99() < 100 && result.errorCount() == 0 && result.notRouted() == 0;
        return new TargetCheck("at " + (int) target + " appeals/s, p99 accept→routed < 100 ms", met,
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

    private static Map<String, Double> ratios(KafkaBaseline.Figures baseline, RunResult capacity, List<RunResult> runs) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (capacity != null) {
            ratios.put("max sustained appeals/s ÷ ProducerPerformance records/s",
                    round(Math.min(capacity.acceptedPerSecond(), capacity.routedPerSecond())
                            / baseline.producer().recordsPerSecond()));
        }
        RunResult reference = runs.stream().filter(r -> r.legs().get("inbox").count() > 0)
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

    private StackSettings settings() {
        StackSettings free = StackSettings.onFreePorts(repositoryRoot, workDirectory.resolve("stack"),
                repositoryRoot.resolve("local-stack/target/kafka-libs"));
        return channel.configure(LoadTestChannel.withJvmOptions(free, plan.serviceJvmOptions()));
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
        private final GatlingRunner gatling;
        private int sequence;

        Runs(LocalStack stack, ArrivalRecorder recorder, AnalyticsCounter analytics, ConsumerLag lag, GatlingRunner gatling) {
            this.stack = stack;
            this.recorder = recorder;
            this.analytics = analytics;
            this.lag = lag;
            this.gatling = gatling;
        }

        RunResult open(String name, double rate, Duration duration) {
            log.accept("Run '" + name + "': open model, " + rate + " arrivals/s for " + duration.toSeconds() + " s");
            return measure(name, "open", rate, duration,
                    () -> gatling.atFixedRate(runId(), rate, duration));
        }

        /** The closed-model probe, with a JFR recording of the services on the accept→routed path. */
        RunResult closed(String name, int users, Duration duration) {
            log.accept("Run '" + name + "': closed model, " + users + " users for " + duration.toSeconds() + " s");
            Map<String, Path> recordings = new LinkedHashMap<>();
            for (StackService service : List.of(StackService.INTAKE, StackService.ROUTING)) {
                Path file = workDirectory.resolve(service.module() + "-probe.jfr");
                if (HotMethods.startRecording(stack.processOf(service).pid(), (int) duration.toSeconds(), file)) {
                    recordings.put(service.module(), file);
                }
            }
            RunResult result = measure(name, "closed (" + users + " users)", users, duration,
                    () -> gatling.withConcurrentUsers(runId(), users, duration));
            recordings.forEach((process, file) -> {
                Map<String, Double> top = HotMethods.topFrames(file, 12);
                if (top.isEmpty()) {
                    notes.add("No JFR profile could be read for " + process + " (" + file + ").");
                } else {
                    profiles.put(process, top);
                }
            });
            return result;
        }

        StoreGrowthStep atStoreSize(long size, double rate) {
            long current = lag.endOffsets(Topics.APPEALS_SUBMITTED);
            Double preloadRate = null;
            if (size > current) {
                long missing = size - current;
                log.accept("Preloading " + missing + " appeals to reach a store of " + size);
                long begin = System.nanoTime();
                BulkAppealProducer.produce(stack.kafkaClientConfig(KafkaCredentials.ADMIN), missing, runId());
                boolean caughtUp = lag.awaitCaughtUp(ROUTING_GROUP, Topics.APPEALS_SUBMITTED, PRELOAD_WAIT);
                double seconds = (System.nanoTime() - begin) / 1e9;
                preloadRate = caughtUp ? round(missing / seconds) : null;
                if (!caughtUp) {
                    long behind = lag.of(ROUTING_GROUP, Topics.APPEALS_SUBMITTED);
                    notes.add("Routing had not absorbed the preload to " + size + " within " + PRELOAD_WAIT.toSeconds()
                            + " s (" + behind + " still behind, so it absorbed " + round((missing - behind) / seconds)
                            + " appeals/s); the run at this size was measured on top of that backlog.");
                }
                // Let the other consumers settle too, so that the run measures the pipeline and not the backlog.
                for (String group : List.of("notification", "analytics")) {
                    if (!lag.awaitCaughtUp(group, Topics.APPEALS_SUBMITTED, Duration.ofSeconds(60))) {
                        notes.add(group + " had not absorbed the preload to " + size + " before the run at that size.");
                    }
                }
            }
            return new StoreGrowthStep(size, preloadRate, open("store " + size, rate, plan.step()));
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
            Map<String, ProcessSample> before = StackProcesses.sample(pids);
            List<Submission> submissions = load.get();
            Map<String, ProcessSample> after = StackProcesses.sample(pids);

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

            Map<String, ProcessUsage> processes = new LinkedHashMap<>();
            after.forEach((process, end) -> {
                ProcessSample start = before.get(process);
                if (start != null) {
                    processes.put(process, new ProcessUsage(end.cpuPercentSince(start), end.rssKib() / 1024,
                            end.peakRssKib() / 1024));
                }
            });
            RunResult result = new RunResult(name, model, offered, duration.toSeconds(), storeBefore, submissions.size(),
                    accepted.size(), errors, round(accepted.size() / (double) duration.toSeconds()),
                    round(routedCount / routedSpan), notRouted, duplicates, LatencySummary.of(httpLatencies), legs,
                    processes);
            log.accept("  -> " + result.accepted() + " accepted (" + result.acceptedPerSecond() + "/s), routed "
                    + result.routedPerSecond() + "/s, errors " + errors + ", not routed " + notRouted + ", inbox "
                    + legs.get("inbox") + ", HTTP " + result.httpLatency());
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
