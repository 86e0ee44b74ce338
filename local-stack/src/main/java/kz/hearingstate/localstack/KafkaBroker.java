package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run as its own
 * process from the {@code kafka_2.13} jars. Storage is formatted on first start only, so a restart
 * keeps every topic and record.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final ManagedProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ManagedProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats storage if needed, starts the broker and returns once it answers an AdminClient. */
    public static KafkaBroker start(StackSettings settings) {
        Path logDirectory = settings.dataDirectory().resolve("kafka");
        Path config = settings.dataDirectory().resolve("kafka.properties");
        String bootstrap = "127.0.0.1:" + settings.kafkaPort();
        writeConfig(config, logDirectory, settings);
        List<String> java = List.of(settings.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", settings.kafkaLibraries().resolve("*").toString());
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(settings, java, config);
        }
        ManagedProcess broker = ManagedProcess.start("kafka",
                concat(java, List.of("kafka.Kafka", config.toString())), Map.of(),
                settings.dataDirectory(), settings.logDirectory().resolve("kafka.log"));
        KafkaBroker started = new KafkaBroker(broker, bootstrap);
        try {
            started.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static void writeConfig(Path config, Path logDirectory, StackSettings settings) {
        String controller = "127.0.0.1:" + settings.kafkaControllerPort();
        String lines = String.join("\n",
                "# Written by the local stack at every start; edit StackSettings/KafkaBroker instead.",
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirectory.toAbsolutePath(),
                // Topics are provisioned explicitly, with partition counts; a typo must not create one.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // A single-node stack has nobody else to wait for when a consumer group forms.
                "group.initial.rebalance.delay.ms=0",
                "");
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(config, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kafka-storage format} through its main class, with a fresh cluster id. */
    private static void format(StackSettings settings, List<String> java, Path config) {
        ManagedProcess formatter = ManagedProcess.start("kafka-storage-format",
                concat(java, List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "-t", Uuid.randomUuid().toString(), "-c", config.toString())),
                Map.of(), settings.dataDirectory(), settings.logDirectory().resolve("kafka-format.log"));
        int exitCode = formatter.awaitExit(Duration.ofSeconds(90));
        if (exitCode != 0) {
            throw new StackStartupException("Formatting Kafka storage failed with exit code " + exitCode
                    + " (log: " + formatter.logFile() + "):\n" + formatter.tailOfLog(20));
        }
    }

    private void awaitReady(Duration timeout) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                process.requireAlive();
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new StackStartupException("Interrupted while waiting for Kafka");
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new StackStartupException("Kafka did not answer on " + bootstrapServers + " within "
                            + timeout.toSeconds() + " s (log: " + process.logFile() + "). Last lines:\n"
                            + process.tailOfLog(30));
                }
                sleep(500);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartupException("Interrupted", e);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
