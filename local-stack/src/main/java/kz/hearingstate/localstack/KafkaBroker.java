package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 *
 * <p>Every listener authenticates (SASL over loopback: SCRAM-SHA-512 for the services and departments,
 * PLAIN for the super user {@code admin} and for kcat, see {@link KafkaCredentials}) and every request is authorised by the KRaft
 * {@code StandardAuthorizer}, denying what no ACL allows. At each start the broker's users and ACLs are
 * made those of {@link KafkaAccessControl} and the client files are (re)written ({@link KafkaCredentials}).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final ManagedProcess process;
    private final String bootstrapServers;
    private final KafkaCredentials credentials;

    private KafkaBroker(ManagedProcess process, String bootstrapServers, KafkaCredentials credentials) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.credentials = credentials;
    }

    /** Formats storage if needed, starts the broker and returns once it answers an AdminClient. */
    public static KafkaBroker start(StackSettings settings) {
        Path logDirectory = settings.dataDirectory().resolve("kafka");
        Path config = settings.dataDirectory().resolve("kafka.properties");
        String bootstrap = "127.0.0.1:" + settings.kafkaPort();
        KafkaAccessControl accessControl = KafkaAccessControl.read(settings.repositoryRoot());
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(settings.dataDirectory(), accessControl.principals());
        writeConfig(config, logDirectory, settings, credentials);
        List<String> java = List.of(settings.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", settings.kafkaLibraries().resolve("*").toString());
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(settings, java, config);
        }
        ManagedProcess broker = ManagedProcess.start("kafka",
                concat(java, List.of("kafka.Kafka", config.toString())), Map.of(),
                settings.dataDirectory(), settings.logDirectory().resolve("kafka.log"));
        KafkaBroker started = new KafkaBroker(broker, bootstrap, credentials);
        try {
            started.awaitReady(Duration.ofSeconds(90));
            try (Admin admin = Admin.create(started.clientConfig(KafkaCredentials.ADMIN))) {
                accessControl.apply(admin, credentials);
            }
            credentials.writeClientFiles(bootstrap);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaCredentials credentials() {
        return credentials;
    }

    /** A Java client's connection settings as {@code principal} (bootstrap servers and SASL). */
    public Map<String, Object> clientConfig(String principal) {
        return credentials.clientConfig(principal, bootstrapServers);
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static void writeConfig(Path config, Path logDirectory, StackSettings settings, KafkaCredentials credentials) {
        String controller = "127.0.0.1:" + settings.kafkaControllerPort();
        String plainLogin = credentials.brokerPlainJaasConfig();
        String lines = String.join("\n",
                "# Written by the local stack at every start; edit StackSettings/KafkaBroker instead. Holds the",
                "# super user's password: it lives under data/, which is never committed.",
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@" + controller,
                "listeners=CLIENTS://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://" + controller,
                "advertised.listeners=CLIENTS://127.0.0.1:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENTS",
                // Both listeners authenticate: nothing on this machine talks to Kafka anonymously.
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENTS:SASL_PLAINTEXT",
                "listener.name.clients.sasl.enabled.mechanisms=" + KafkaCredentials.SCRAM + "," + KafkaCredentials.PLAIN,
                "listener.name.clients.plain.sasl.jaas.config=" + plainLogin,
                "listener.name.clients.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.controller.sasl.enabled.mechanisms=" + KafkaCredentials.PLAIN,
                // Only the super user speaks to the controller.
                "listener.name.controller.plain.sasl.jaas.config=" + credentials.controllerPlainJaasConfig(),
                "sasl.mechanism.inter.broker.protocol=" + KafkaCredentials.PLAIN,
                "sasl.mechanism.controller.protocol=" + KafkaCredentials.PLAIN,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + KafkaCredentials.ADMIN,
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
            SecretFiles.write(config, lines);
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
        properties.putAll(clientConfig(KafkaCredentials.ADMIN));
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
