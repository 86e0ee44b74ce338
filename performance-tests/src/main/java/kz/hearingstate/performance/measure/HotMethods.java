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
import java.util.regex.Pattern;

/**
 * Where a process spends its CPU, from a JFR recording taken with {@code jcmd} while load runs: the share of
 * the sampled stacks ({@code jdk.ExecutionSample}) in each layer (the project's code, the Kafka client, the
 * MongoDB driver, Jackson, Tomcat...) and the methods most often on top. Used to say, millisecond by
 * millisecond, what bounds the pipeline when a target is out of reach.
 */
public final class HotMethods {

    private static final int STACK_DEPTH = 64;
    private static final Pattern LINE_NUMBER = Pattern.compile("\\s+line:.*$");
    private static final Layer JDK = new Layer("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
    /** By package prefix; the first match wins, so Spring's messaging and data modules come before the rest of Spring. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("project code (kz.hearingstate)", List.of("kz.hearingstate.")),
            new Layer("Kafka client", List.of("org.apache.kafka.")),
            new Layer("Spring Cloud Stream, Integration, Kafka, Messaging", List.of("org.springframework.cloud.",
                    "org.springframework.integration.", "org.springframework.kafka.", "org.springframework.messaging.")),
            new Layer("MongoDB driver and BSON", List.of("com.mongodb.", "org.bson.")),
            new Layer("Spring Data MongoDB (mapping, queries)", List.of("org.springframework.data.")),
            new Layer("Jackson (JSON)", List.of("tools.jackson.", "com.fasterxml.")),
            new Layer("JSON Schema validation", List.of("com.networknt.")),
            new Layer("Tomcat (HTTP)", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
            new Layer("Spring Security", List.of("org.springframework.security.")),
            new Layer("Bean Validation (Hibernate Validator)", List.of("org.hibernate.validator.", "jakarta.validation.")),
            new Layer("springdoc (OpenAPI)", List.of("org.springdoc.")),
            new Layer("Spring MVC and HTTP", List.of("org.springframework.web.", "org.springframework.http.", "jakarta.servlet.")),
            new Layer("Micrometer (metrics, observations)", List.of("io.micrometer.")),
            new Layer("Mail (Jakarta Mail, Angus)", List.of("jakarta.mail.", "org.eclipse.angus.")),
            new Layer("Thymeleaf", List.of("org.thymeleaf.")),
            new Layer("logging", List.of("ch.qos.logback.", "org.slf4j.")),
            new Layer("Spring core, beans, AOP", List.of("org.springframework.")));

    private record Layer(String name, List<String> packages) {
        boolean holds(String frame) {
            return packages.stream().anyMatch(frame::startsWith);
        }
    }

    private HotMethods() {
    }

    /** Starts a profiling recording of {@code seconds} in {@code pid}; the JVM writes it to {@code file}. */
    public static boolean startRecording(long pid, int seconds, Path file) {
        return run(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=bench", "settings=profile",
                "duration=" + seconds + "s", "filename=" + file.toAbsolutePath())) != null;
    }

    /**
     * What a recording shows: the share of execution samples per layer of the stack ({@link #layerOf}) and the
     * {@code topLimit} methods most often on top, in percent of samples, largest first; null when the recording
     * cannot be read.
     */
    public static Profile profile(Path recording, int topLimit) {
        String printed = run(List.of(tool("jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth",
                Integer.toString(STACK_DEPTH), recording.toString()));
        if (printed == null) {
            return null;
        }
        List<List<String>> stacks = stacks(printed.lines().toList());
        return stacks.isEmpty() ? null : new Profile(layers(stacks), topFrames(stacks, topLimit));
    }

    /**
     * @param layers    share of samples per layer, largest first
     * @param topFrames share of samples per method on top of the stack, largest first
     */
    public record Profile(Map<String, Double> layers, Map<String, Double> topFrames) {
        public Profile {
            layers = layers == null ? Map.of() : layers; // a report written before the layers were
            topFrames = topFrames == null ? Map.of() : topFrames;
        }
    }

    /** The sampled stacks of {@code jfr print} output, innermost frame first, without line numbers. */
    static List<List<String>> stacks(List<String> lines) {
        List<List<String>> stacks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("stackTrace = [")) {
                current = new ArrayList<>();
                stacks.add(current);
            } else if (current != null && (trimmed.equals("]") || trimmed.isEmpty())) {
                current = null;
            } else if (current != null && !trimmed.equals("...")) {
                current.add(LINE_NUMBER.matcher(trimmed).replaceAll(""));
            }
        }
        stacks.removeIf(List::isEmpty);
        return stacks;
    }

    static Map<String, Double> topFrames(List<List<String>> stacks, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        stacks.forEach(stack -> counts.merge(stack.getFirst(), 1, Integer::sum));
        return shares(counts, stacks.size(), limit);
    }

    static Map<String, Double> layers(List<List<String>> stacks) {
        Map<String, Integer> counts = new HashMap<>();
        stacks.forEach(stack -> counts.merge(layerOf(stack), 1, Integer::sum));
        return shares(counts, stacks.size(), counts.size());
    }

    /**
     * The layer a sample's CPU belongs to: that of the innermost frame outside the JDK, so a {@code HashMap} lookup
     * inside the MongoDB driver counts as the driver's, and the JDK's own work (hashing, crypto, I/O) as its caller's.
     * A stack that is JDK code all the way down (within {@link #STACK_DEPTH} frames) is the JDK's.
     */
    static String layerOf(List<String> stack) {
        for (String frame : stack) {
            if (JDK.holds(frame)) {
                continue;
            }
            return LAYERS.stream().filter(layer -> layer.holds(frame)).map(Layer::name).findFirst()
                    .orElse("other libraries");
        }
        return "JDK only (threads, I/O, collections with no library caller in view)";
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int total, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(limit)
                .forEach(e -> shares.put(e.getKey(), Math.round(e.getValue() * 1000.0 / total) / 10.0));
        return shares;
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
