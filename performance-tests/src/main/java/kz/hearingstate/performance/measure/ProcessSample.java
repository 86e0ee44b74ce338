package kz.hearingstate.performance.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPU time and memory of one process from {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}
 * (Linux). Two samples give the CPU used in between: {@link #cpuPercentSince}.
 *
 * @param jitTicks the part of {@code cpuTicks} its JIT compiler threads used (0 in a process that is no JVM; -1 if its
 *                 threads could not be read): compiling is work that ends once the code is hot, not work an appeal
 *                 costs, and a run soon after a start holds much of it
 */
public record ProcessSample(long pid, long takenAtNanos, long cpuTicks, long jitTicks, long rssKib, long peakRssKib) {

    /** USER_HZ; 100 on every Linux distribution this runs on (sysconf(_SC_CLK_TCK)). */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    public static Optional<ProcessSample> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return Optional.of(new ProcessSample(pid, System.nanoTime(), cpuTicks(stat), jitTicksOrUnknown(pid),
                    kib(status, "VmRSS:"), kib(status, "VmHWM:")));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static long jitTicksOrUnknown(long pid) {
        try {
            return jitTicks(pid);
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /**
     * The CPU ticks of the process's threads named "C1 CompilerThread…" or "C2 CompilerThread…" (the kernel keeps 15
     * characters of a name). A thread that ends takes its ticks with it, so the measured services keep a fixed number
     * of compiler threads ({@code -XX:-UseDynamicNumberOfCompilerThreads}); on two cores every JVM has one of each
     * kind, and the JDK never ends the last one.
     */
    static long jitTicks(long pid) throws IOException {
        return jitCompilerStats(pid).stream().mapToLong(ProcessSample::cpuTicks).sum();
    }

    /** The stat lines of the process's JIT compiler threads. */
    static List<String> jitCompilerStats(long pid) throws IOException {
        List<String> stats = new ArrayList<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    if (isJitCompiler(stat)) {
                        stats.add(stat);
                    }
                } catch (IOException ended) {
                    // the thread ended while we listed them
                }
            }
        }
        return stats;
    }

    static boolean isJitCompiler(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** utime + stime: fields 14 and 15, counted after the command name, which may itself hold spaces. */
    static long cpuTicks(String stat) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // afterName[0] is field 3 (state), so field n is afterName[n - 3].
        return Long.parseLong(afterName[11]) + Long.parseLong(afterName[12]);
    }

    static long kib(List<String> status, String key) {
        return status.stream().filter(line -> line.startsWith(key)).findFirst()
                .map(line -> Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]))
                .orElse(0L);
    }

    /** CPU time (user + system) this process used between {@code earlier} and this sample, in milliseconds. */
    public long cpuMillisSince(ProcessSample earlier) {
        return (cpuTicks - earlier.cpuTicks) * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /**
     * CPU time the JIT compiler threads used between {@code earlier} and this sample, in milliseconds; null if either
     * sample could not read them.
     */
    public Long jitMillisSince(ProcessSample earlier) {
        if (jitTicks < 0 || earlier.jitTicks < 0) {
            return null;
        }
        return Math.max(0, jitTicks - earlier.jitTicks) * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** Share of one core used between {@code earlier} and this sample: 200% means two cores busy. */
    public double cpuPercentSince(ProcessSample earlier) {
        double seconds = (takenAtNanos - earlier.takenAtNanos) / 1e9;
        if (seconds <= 0) {
            return 0;
        }
        double cpuSeconds = (cpuTicks - earlier.cpuTicks) / (double) CLOCK_TICKS_PER_SECOND;
        return Math.round(cpuSeconds / seconds * 1000) / 10.0;
    }
}
