package kz.hearingstate.performance.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.hearingstate.localstack.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The raw-Kafka baseline: Kafka's own tools from {@code kafka-tools}, each its own JVM, against the
 * same broker the pipeline uses. Topics are created here (the broker does not auto-create them), with
 * the partition count of the appeal topics, so that the comparison is like for like.
 */
public final class KafkaBaseline {

    /** The figures of one baseline run. */
    public record Figures(ToolOutput.ProducerFigures producer, ToolOutput.ConsumerFigures consumer,
                          ToolOutput.EndToEndFigures endToEnd, int recordSizeBytes, int partitions) {
    }

    static final String THROUGHPUT_TOPIC = "baseline.throughput";
    static final String LATENCY_TOPIC = "baseline.latency";
    private static final int RECORD_SIZE = 1024;
    private static final int PARTITIONS = 6;

    private final Map<String, Object> kafka;
    private final String bootstrapServers;
    private final Optional<Path> clientFile;
    private final Path workDirectory;
    private final String javaExecutable;

    /**
     * @param kafka      a client's connection settings (bootstrap servers, credentials) that may create topics
     * @param clientFile the same settings as a properties file for Kafka's tools, when the broker wants credentials
     */
    public KafkaBaseline(Map<String, Object> kafka, Optional<Path> clientFile, Path workDirectory) {
        this.kafka = kafka;
        this.bootstrapServers = String.valueOf(kafka.get("bootstrap.servers"));
        this.clientFile = clientFile;
        this.workDirectory = workDirectory;
        this.javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * @param producerRecords records for ProducerPerformance (and then ConsumerPerformance)
     * @param latencyRecords  round trips for EndToEndLatency
     */
    public Figures run(long producerRecords, long latencyRecords) {
        createTopic(THROUGHPUT_TOPIC, PARTITIONS);
        createTopic(LATENCY_TOPIC, 1);
        List<String> producer = tool("producer-performance", withClientFile("--producer.config", List.of(
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", THROUGHPUT_TOPIC, "--num-records", Long.toString(producerRecords),
                "--record-size", Integer.toString(RECORD_SIZE), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true")));
        List<String> consumer = tool("consumer-performance", withClientFile("--consumer.config", List.of(
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", THROUGHPUT_TOPIC,
                "--messages", Long.toString(producerRecords), "--group", "baseline-" + System.currentTimeMillis(),
                "--timeout", "60000")));
        // EndToEndLatency takes its properties file as the sixth positional argument.
        List<String> endToEnd = tool("end-to-end-latency", withClientFile(null, List.of("org.apache.kafka.tools.EndToEndLatency",
                bootstrapServers, LATENCY_TOPIC, Long.toString(latencyRecords), "all", Integer.toString(RECORD_SIZE))));
        return new Figures(ToolOutput.producer(producer), ToolOutput.consumer(consumer), ToolOutput.endToEnd(endToEnd),
                RECORD_SIZE, PARTITIONS);
    }

    /** The tool's arguments, followed by {@code option clientFile} (or the file alone) when there is one. */
    private List<String> withClientFile(String option, List<String> mainAndArguments) {
        List<String> arguments = new ArrayList<>(mainAndArguments);
        clientFile.ifPresent(file -> {
            if (option != null) {
                arguments.add(option);
            }
            arguments.add(file.toString());
        });
        return arguments;
    }

    private List<String> tool(String name, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(List.of(javaExecutable, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        Path log = workDirectory.resolve(name + ".log");
        ManagedProcess process = ManagedProcess.start(name, command, Map.of(), workDirectory, log);
        int exit = process.awaitExit(Duration.ofMinutes(5));
        List<String> lines = readLines(log);
        if (exit != 0) {
            throw new IllegalStateException(name + " exited with " + exit + ":\n" + process.tailOfLog(20));
        }
        return lines;
    }

    private void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not create " + topic + " in time", e);
        }
    }

    private static List<String> readLines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
