package kz.hearingstate.performance.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a process spends its CPU, from a JFR recording taken with {@code jcmd} while load runs: the
 * methods most often on top of the sampled stacks ({@code jdk.ExecutionSample}). Used to say what bounds
 * the pipeline when a target is out of reach.
 */
public final class HotMethods {

    private HotMethods() {
    }

    /** Starts a profiling recording of {@code seconds} in {@code pid}; the JVM writes it to {@code file}. */
    public static boolean startRecording(long pid, int seconds, Path file) {
        return run(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=bench", "settings=profile",
                "duration=" + seconds + "s", "filename=" + file.toAbsolutePath())) != null;
    }

    /**
     * The {@code limit} methods most often on top of an execution sample, with their share of samples in
     * percent; empty when the recording cannot be read.
     */
    public static Map<String, Double> topFrames(Path recording, int limit) {
        String printed = run(List.of(tool("jfr"), "print", "--events", "jdk.ExecutionSample", recording.toString()));
        if (printed == null) {
            return Map.of();
        }
        return topFrames(printed.lines().toList(), limit);
    }

    /** Counts the first frame after every {@code stackTrace = [} line of {@code jfr print} output. */
    static Map<String, Double> topFrames(List<String> lines, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        int samples = 0;
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).trim().startsWith("stackTrace = [")) {
                String frame = lines.get(i + 1).trim().replaceAll("\\s+line:.*$", "");
                counts.merge(frame, 1, Integer::sum);
                samples++;
            }
        }
        int total = samples;
        Map<String, Double> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() * 1000.0 / total) / 10.0));
        return top;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(List<String> command) {
        try {
            Path output = Files.createTempFile("jfr-tool-", ".txt");
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            return process.exitValue() == 0 ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
