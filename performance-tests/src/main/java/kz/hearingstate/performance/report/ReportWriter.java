package kz.hearingstate.performance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.hearingstate.performance.measure.LatencySummary;
import kz.hearingstate.performance.measure.StoreCommands;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link BenchmarkReport} as {@code <name>.json} (for tools) and {@code <name>.md} (for people). */
public final class ReportWriter {

    private static final String LOAD_GENERATOR = kz.hearingstate.performance.measure.StackProcesses.LOAD_GENERATOR;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {
    }

    public static void write(BenchmarkReport report, Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".json"), JSON.writeValueAsString(report) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(name + ".md"), markdown(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BenchmarkReport read(Path json) {
        return JSON.readValue(json.toFile(), BenchmarkReport.class);
    }

    static String markdown(BenchmarkReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: ").append(r.mode()).append(" run of ").append(r.startedAt()).append("\n\n");
        md.append("Written by `scripts/bench.sh` (performance-tests). Latencies in ms, rates per second. ")
                .append("Accept = intake's send of `appeal.submitted` (Kafka timestamp), which precedes its 202.\n\n");
        md.append("## Machine\n\n| | |\n|---|---|\n")
                .append("| cores | ").append(r.machine().cores()).append(" |\n")
                .append("| memory | ").append(r.machine().memoryMib()).append(" MiB |\n")
                .append("| CPU | ").append(r.machine().cpuModel()).append(" |\n")
                .append("| OS | ").append(r.machine().os()).append(" |\n")
                .append("| JDK | ").append(r.machine().jdk()).append(" |\n")
                .append("| load average before / after (1, 5, 15 min) | ").append(r.machine().loadAverageBefore())
                .append(" / ").append(r.loadAverageAfter()).append(" |\n");
        r.stack().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        var b = r.baseline();
        md.append("\n## Raw Kafka baseline (kafka-tools 4.1.2, same broker)\n\n")
                .append("| tool | figure |\n|---|---|\n")
                .append("| ProducerPerformance, acks=all, idempotent, ").append(b.recordSizeBytes()).append(" B records, ")
                .append(b.partitions()).append(" partitions | ").append(fmt(b.producer().recordsPerSecond()))
                .append(" records/s (").append(fmt(b.producer().megabytesPerSecond())).append(" MB/s), latency p50 ")
                .append(b.producer().p50Millis()).append(" / p99 ").append(b.producer().p99Millis()).append(" ms |\n")
                .append("| ConsumerPerformance | ").append(fmt(b.consumer().recordsPerSecond())).append(" records/s (")
                .append(fmt(b.consumer().megabytesPerSecond())).append(" MB/s) |\n")
                .append("| EndToEndLatency, acks=all | p50 ").append(b.endToEnd().p50Millis()).append(" ms, p99 ")
                .append(b.endToEnd().p99Millis()).append(" ms, p99.9 ").append(b.endToEnd().p999Millis())
                .append(" ms, mean ").append(fmt(b.endToEnd().averageMillis())).append(" ms |\n");

        md.append("\n## Sustained\n\n");
        var sustained = r.sustained();
        md.append(sustained.run() == null ? "**Sustained: no run was taken in full.**\n"
                : "**Sustained: " + fmt(sustained.appealsPerSecond()) + " appeals/s** ('" + sustained.run()
                        + "'), all consumers kept up: " + (sustained.allConsumersKeptUp() ? "yes" : "**no**") + ".\n");
        md.append("\nA run is taken in full when every request got 202, every appeal was routed and routing kept up. "
                + "A consumer group kept up when its lag (records not yet committed, over all its topics, sampled every "
                + "second while the load lasted) was at the end of the load no higher than at one third of it plus a slack of 2 s of the group's input (at least 20 records). "
                + "Notification's delivery is judged the same way, its lag being the appeals whose appeal.submitted was seen and no "
                + "notification.outcome yet (its group commits once the messages are recorded, before they are sent). The "
                + "sustained rate is the highest open-model rate taken in full at which routing, notification and its delivery, "
                + "analytics and intake's status projection all kept up.\n");
        md.append("\n## Targets\n\n| target | met | evidence |\n|---|---|---|\n");
        r.targets().forEach(t -> md.append("| ").append(t.target()).append(" | ")
                .append(t.met() == null ? "not measured" : t.met() ? "yes" : "**no**").append(" | ")
                .append(t.evidence()).append(" |\n"));

        md.append("\n## Pipeline runs\n\n");
        md.append("| run | model | offered/s | 202/s | routed/s | requests | errors | not routed | HTTP p50 / p99 / max |"
                + " accept→inbox p50 / p95 / p99 / max | accept→routed event p50 / p99 | accept→notified p50 / p95 / p99 / max |"
                + " accept→counted p50 / p95 / p99 / max | consumers kept up |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        if (r.capacity() != null) {
            runRow(md, r.capacity());
        }
        r.runs().forEach(run -> runRow(md, run));
        if (!r.storeGrowth().isEmpty()) {
            md.append("\n## Throughput as the store grows\n\n| appeals in store | preloaded | preload s | preload appeals/s"
                    + " | offered/s | 202/s | routed/s | errors | accept→inbox p50 / p99 | store file MiB"
                    + " | store heap used / committed MiB |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|\n");
            r.storeGrowth().forEach(step -> md.append("| ").append(step.storeSize()).append(" | ")
                    .append(step.preloaded() == null ? "-" : step.preloaded()).append(" | ")
                    .append(step.preloadSeconds() == null ? "-" : fmt(step.preloadSeconds())).append(" | ")
                    .append(step.preloadPerSecond() == null ? "-" : fmt(step.preloadPerSecond())).append(" | ")
                    .append(fmt(step.run().offeredPerSecond())).append(" | ").append(fmt(step.run().acceptedPerSecond()))
                    .append(" | ").append(fmt(step.run().routedPerSecond())).append(" | ").append(step.run().errorCount())
                    .append(" | ").append(p(step.run().legs().get("inbox"), false)).append(" | ")
                    .append(step.store() == null ? "-" : String.valueOf(step.store().fileMib())).append(" | ")
                    .append(step.store() == null ? "-" : step.store().heapUsedMib() + " / " + step.store().heapCommittedMib())
                    .append(" |\n"));
        }
        cpuPerAppeal(md, r);
        consumerLag(md, r);
        md.append("\n## Processes (CPU: 100% = one core, averaged over each run; RSS at its end)\n\n");
        md.append("| run | process | CPU % | CPU ms | RSS MiB | peak RSS MiB |\n|---|---|---|---|---|---|\n");
        if (r.capacity() != null) {
            processRows(md, r.capacity());
        }
        r.runs().forEach(run -> processRows(md, run));
        r.storeGrowth().forEach(step -> processRows(md, step.run()));
        md.append("\n## Pipeline ÷ baseline\n\n| ratio | value |\n|---|---|\n");
        // Three significant digits: the pipeline's rate over Kafka's own is a small fraction, which fmt would show as 0.0.
        r.ratios().forEach((k, v) -> md.append("| ").append(k).append(" | ")
                .append(v == null ? "-" : String.format(Locale.ROOT, "%.3g", v)).append(" |\n"));
        profiles(md, r);
        md.append("\n## Notes\n\n");
        r.notes().forEach(n -> md.append("- ").append(n).append("\n"));
        md.append("\nFinished ").append(r.finishedAt()).append(".\n");
        return md.toString();
    }

    /**
     * Each service's CPU by layer during the capacity probe, in % of JFR samples and, multiplied by the process's CPU
     * per appeal in that run, in ms per appeal: what a target's budget is spent on.
     */
    static void profiles(StringBuilder md, BenchmarkReport r) {
        if (r.profiles() == null || r.profiles().isEmpty()) {
            return;
        }
        md.append("\n## Where the CPU goes under maximum load (JFR execution samples during the capacity probe)\n\n"
                + "Each sample counts for the layer of its innermost frame outside the JDK (a HashMap lookup inside the "
                + "MongoDB driver is the driver's). JFR samples threads running Java code only, so the ms per appeal "
                + "(share × the process's CPU per appeal in the probe) spread the CPU of the JIT compiler, the collector "
                + "and native code (socket calls) over the layers pro rata. The recordings cost about 10 ms/s per "
                + "process, part of the probe's CPU per appeal.\n\n");
        r.profiles().forEach((process, profile) -> {
            BenchmarkReport.ProcessUsage usage = r.capacity() == null ? null : r.capacity().processes().get(process);
            Double perAppeal = usage == null ? null : usage.cpuMillisPerAppeal();
            md.append("**").append(process).append("**").append(perAppeal == null ? "" : ", " + fmt(perAppeal)
                    + " ms CPU per appeal in the probe").append("\n\n| layer | % of samples | ≈ ms per appeal |\n|---|---|---|\n");
            profile.layers().forEach((layer, share) -> md.append("| ").append(layer).append(" | ").append(share).append(" | ")
                    .append(perAppeal == null ? "-" : String.format(Locale.ROOT, "%.2f", share * perAppeal / 100))
                    .append(" |\n"));
            md.append("\n| top frame | % of samples |\n|---|---|\n");
            profile.topFrames().forEach((frame, share) -> md.append("| `").append(frame).append("` | ").append(share)
                    .append(" |\n"));
            md.append("\n");
        });
    }

    /** Millisecond by millisecond: what one appeal costs each process, against the targets' budgets. */
    static void cpuPerAppeal(StringBuilder md, BenchmarkReport r) {
        List<BenchmarkReport.RunResult> runs = new ArrayList<>();
        if (r.capacity() != null) {
            runs.add(r.capacity());
        }
        runs.addAll(r.runs());
        List<String> processes = runs.stream().flatMap(run -> run.processes().keySet().stream()).distinct().toList();
        int cpuMillisPerSecond = r.machine().cores() * 1000;
        md.append("\n## CPU per appeal (ms)\n\nEach process's CPU time (user + system, from /proc) over the run's load window, "
                + "divided by the appeals that reached an inbox in that window; in bold where over the target's budget. "
                + "In brackets, the part of it the JIT compiler's threads used: compiling, which ends once the code is hot. "
                + r.machine().cores() + " cores give " + cpuMillisPerSecond + " ms of CPU per second, so the stack (the sum, "
                + "without the load generator) can route at most " + cpuMillisPerSecond + " ÷ sum appeals/s; 100 appeals/s "
                + "leave " + cpuMillisPerSecond / 100 + " ms per appeal for all of its processes together.\n\n");
        md.append("| run | routed in window |");
        processes.forEach(process -> md.append(' ').append(process).append(budget(r, process)).append(" |"));
        md.append(" sum | ").append(cpuMillisPerSecond).append(" ÷ sum |\n|---|---|").append("---|".repeat(processes.size() + 2)).append('\n');
        for (BenchmarkReport.RunResult run : runs) {
            md.append("| ").append(run.name()).append(" | ").append(run.routedInWindow()).append(" |");
            double sum = 0;
            for (String process : processes) {
                BenchmarkReport.ProcessUsage usage = run.processes().get(process);
                Double perAppeal = usage == null ? null : usage.cpuMillisPerAppeal();
                Double budget = r.cpuBudgetMillisPerAppeal().get(process);
                sum += perAppeal == null || process.equals(LOAD_GENERATOR) ? 0 : perAppeal;
                md.append(' ').append(perAppeal == null ? "-" : budget != null && perAppeal > budget
                        ? "**" + fmt(perAppeal) + "**" : fmt(perAppeal)).append(jit(usage)).append(" |");
            }
            md.append(' ').append(sum == 0 ? "-" : fmt(sum)).append(" | ").append(sum == 0 ? "-" : fmt(cpuMillisPerSecond / sum)).append(" |\n");
        }
        cpuModel(md, r, cpuMillisPerSecond);
        BenchmarkReport.RunResult sustained = runs.stream().filter(run -> run.name().equals(r.sustained().run()))
                .findFirst().orElse(null);
        if (sustained != null) {
            md.append("\nIn the sustained run ('").append(sustained.name()).append("'), against the budgets:\n\n")
                    .append("| process | ms CPU per appeal | of which the JIT compiler | budget | over budget by |\n|---|---|---|---|---|\n");
            sustained.processes().forEach((process, usage) -> {
                Double budget = r.cpuBudgetMillisPerAppeal().get(process);
                Double perAppeal = usage.cpuMillisPerAppeal();
                md.append("| ").append(process).append(" | ").append(perAppeal == null ? "-" : fmt(perAppeal)).append(" | ")
                        .append(usage.jitMillisPerAppeal() == null ? "-" : fmt(usage.jitMillisPerAppeal())).append(" | ")
                        .append(budget == null ? "none" : fmt(budget)).append(" | ")
                        .append(budget == null || perAppeal == null ? "-" : perAppeal > budget ? fmt(perAppeal - budget) : "within")
                        .append(" |\n");
            });
            storeCommands(md, r.storeCommands().get(sustained.name()));
        }
    }

    /**
     * Whose round trips the store spends its CPU on in the sustained run: each collection's commands per appeal and the
     * server's time for them, costliest first.
     */
    static void storeCommands(StringBuilder md, Map<String, StoreCommands.PerAppeal> byCollection) {
        if (byCollection == null || byCollection.isEmpty()) {
            return;
        }
        md.append("\nThe store's commands in that run, per appeal routed in its window, by collection (MongoDB's `top`: a ")
                .append("bulk write is one command; the time is the server's, waits for a core included):\n\n")
                .append("| collection | commands per appeal | server ms per appeal |\n|---|---|---|\n");
        byCollection.forEach((collection, perAppeal) -> md.append("| ").append(collection).append(" | ")
                .append(String.format(Locale.ROOT, "%.2f | %.2f", perAppeal.commands(), perAppeal.serverMillis())).append(" |\n"));
    }

    /** Idle CPU, the fixed and per-appeal CPU under load, and from those what the cores allow. */
    private static void cpuModel(StringBuilder md, BenchmarkReport r, int cpuMillisPerSecond) {
        if (r.cpuModel().isEmpty()) {
            return;
        }
        md.append("\nSplit into a fixed part and what one more appeal costs (a least-squares line CPU ms/s = fixed + marginal × "
                + "routed/s through the ").append(r.cpuModel().values().iterator().next().runs())
                .append(" open-model runs taken in full). The fixed part is not idle CPU: it holds what does not grow with the "
                        + "rate while load lasts (JIT compilation, collections, the benchmark polling analytics every 0.5 s and "
                        + "the groups' lag every second), and batches that grow with the rate pull the slope down, below zero "
                        + "for some. Idle is measured on its own, with no load and no polling, after the runs. At 100 appeals/s "
                        + "a process costs fixed ÷ 100 + marginal per appeal.\n\n")
                .append("| process | idle CPU ms/s (measured) | fixed CPU ms/s under load | marginal ms per appeal | budget | ms per "
                        + "appeal at 100/s |\n|---|---|---|---|---|---|\n");
        double fixed = 0;
        double marginal = 0;
        double idle = 0;
        for (var entry : r.cpuModel().entrySet()) {
            var m = entry.getValue();
            Double budget = r.cpuBudgetMillisPerAppeal().get(entry.getKey());
            Double idleMeasured = r.idleMillisPerSecond().get(entry.getKey());
            double at100 = m.fixedMillisPerSecond() / 100 + m.marginalMillisPerAppeal();
            md.append("| ").append(entry.getKey()).append(" | ").append(idleMeasured == null ? "-" : fmt(idleMeasured))
                    .append(" | ").append(fmt(m.fixedMillisPerSecond())).append(" | ")
                    .append(fmt(m.marginalMillisPerAppeal())).append(" | ").append(budget == null ? "none" : fmt(budget))
                    .append(" | ").append(budget != null && at100 > budget ? "**" + fmt(at100) + "**" : fmt(at100)).append(" |\n");
            if (!entry.getKey().equals(LOAD_GENERATOR)) {
                fixed += m.fixedMillisPerSecond();
                marginal += m.marginalMillisPerAppeal();
                idle += idleMeasured == null ? 0 : idleMeasured;
            }
        }
        md.append("\nThe stack without the load generator: idle ").append(r.idleMillisPerSecond().isEmpty() ? "not measured"
                        : fmt(idle) + " ms/s").append("; under load fixed ").append(fmt(fixed)).append(" ms/s, marginal ")
                .append(fmt(marginal)).append(" ms per appeal, so ").append(cpuMillisPerSecond).append(" ms/s of CPU carry at most (")
                .append(cpuMillisPerSecond).append(" − ").append(fmt(fixed)).append(") ÷ ").append(fmt(marginal)).append(" = ")
                .append(marginal > 0 ? fmt(Math.max(0, cpuMillisPerSecond - fixed) / marginal) : "-")
                .append(" appeals/s by this line (a rough bound: the line is fitted to rates up to the sustained one).\n");
    }

    private static String budget(BenchmarkReport r, String process) {
        Double budget = r.cpuBudgetMillisPerAppeal().get(process);
        return budget == null ? "" : " (≤ " + fmt(budget) + ")";
    }

    private static void consumerLag(StringBuilder md, BenchmarkReport r) {
        md.append("\n## Consumer lag during each run (records; appeals for notification delivery)\n\n")
                .append("| run | group | lag at 1/3 | lag at end | max | slack | kept up |\n|---|---|---|---|---|---|---|\n");
        List<BenchmarkReport.RunResult> runs = new ArrayList<>();
        if (r.capacity() != null) {
            runs.add(r.capacity());
        }
        runs.addAll(r.runs());
        for (BenchmarkReport.RunResult run : runs) {
            run.consumers().forEach((group, v) -> md.append("| ").append(run.name()).append(" | ").append(group).append(" | ")
                    .append(v.lagAtThird()).append(" | ").append(v.lagAtEnd()).append(" | ").append(v.maxLag()).append(" | ")
                    .append(v.slack()).append(" | ").append(v.keptUp() == null ? "-" : v.keptUp() ? "yes" : "**no**")
                    .append(" |\n"));
        }
    }

    private static void runRow(StringBuilder md, BenchmarkReport.RunResult run) {
        md.append("| ").append(run.name()).append(" | ").append(run.model()).append(" | ").append(fmt(run.offeredPerSecond()))
                .append(" | ").append(fmt(run.acceptedPerSecond())).append(" | ").append(fmt(run.routedPerSecond()))
                .append(" | ").append(run.requests()).append(" | ").append(errors(run.errors())).append(" | ")
                .append(run.notRouted()).append(" | ").append(p(run.httpLatency(), true)).append(" | ")
                .append(p(run.legs().get("inbox"), true)).append(" | ").append(p(run.legs().get("routed"), false))
                .append(" | ").append(p(run.legs().get("notified"), true)).append(" | ")
                .append(p(run.legs().get("counted"), true)).append(" | ").append(keptUp(run)).append(" |\n");
    }

    private static void processRows(StringBuilder md, BenchmarkReport.RunResult run) {
        run.processes().forEach((name, usage) -> md.append("| ").append(run.name()).append(" | ").append(name)
                .append(" | ").append(fmt(usage.cpuPercent())).append(" | ").append(usage.cpuMillis()).append(" | ")
                .append(usage.rssMib()).append(" | ")
                .append(usage.peakRssMib()).append(" |\n"));
    }

    /** " (0.4)": the JIT compiler's part of a process's CPU per appeal, where it was measured. */
    private static String jit(BenchmarkReport.ProcessUsage usage) {
        return usage == null || usage.jitMillisPerAppeal() == null ? "" : " (" + fmt(usage.jitMillisPerAppeal()) + ")";
    }

    private static String keptUp(BenchmarkReport.RunResult run) {
        if (run.allConsumersKeptUp() == null) {
            return "-";
        }
        if (run.allConsumersKeptUp()) {
            return "yes";
        }
        StringBuilder behind = new StringBuilder("no:");
        run.consumers().forEach((group, v) -> {
            if (Boolean.FALSE.equals(v.keptUp())) {
                behind.append(' ').append(group).append(" (").append(v.lagAtThird()).append("→").append(v.lagAtEnd()).append(')');
            }
        });
        return behind.toString();
    }

    private static String errors(Map<String, Integer> errors) {
        if (errors.isEmpty()) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        errors.forEach((status, count) -> s.append(s.isEmpty() ? "" : ", ").append(count).append("×").append(status));
        return s.toString();
    }

    private static String p(LatencySummary l, boolean full) {
        if (l == null || l.count() == 0) {
            return "-";
        }
        return full ? l.p50() + " / " + l.p95() + " / " + l.p99() + " / " + l.max() : l.p50() + " / " + l.p99();
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
