package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * Real Apache Kafka in KRaft mode, each node its own process from the {@code kafka_2.13} jars: one node (broker and
 * controller), or, for {@link StackShape#kafkaCluster()}, three such nodes on loopback forming one controller quorum,
 * with replication factor 3 and {@code min.insync.replicas} 2, as compose's {@code ha} profile. Storage is formatted
 * on first start only, so a restart keeps every topic and record.
 *
 * <p>Every listener authenticates (SASL over loopback: SCRAM-SHA-512 for the services and departments,
 * PLAIN for the super user {@code admin} and for kcat, see {@link KafkaCredentials}) and every request is authorised by the KRaft
 * {@code StandardAuthorizer}, denying what no ACL allows. At each start the broker's users and ACLs are
 * made those of {@link KafkaAccessControl} and the client files are (re)written ({@link KafkaCredentials}).
 */
public final class KafkaBroker implements AutoCloseable {

    /** In a cluster: how often a broker tells the controllers it is alive, and after how long without that it is fenced. */
    static final int FAILOVER_HEARTBEAT_MS = 200;
    static final int FAILOVER_SESSION_MS = 1000;

    private final StackSettings settings;
    /** Node {@code n}'s process at index {@code n - 1}; {@link #restartNode} replaces one. */
    private final List<ManagedProcess> nodes;
    private final String bootstrapServers;
    private final KafkaCredentials credentials;

    private KafkaBroker(StackSettings settings, List<ManagedProcess> nodes, KafkaCredentials credentials) {
        this.settings = settings;
        this.nodes = new CopyOnWriteArrayList<>(nodes);
        this.bootstrapServers = bootstrapServers(settings);
        this.credentials = credentials;
    }

    /** Formats storage if needed, starts every node and returns once all of them answer an AdminClient. */
    public static KafkaBroker start(StackSettings settings) {
        KafkaAccessControl accessControl = KafkaAccessControl.read(settings.repositoryRoot());
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(settings.dataDirectory(), accessControl.principals());
        int count = settings.kafkaNodes().size();
        String clusterId = IntStream.rangeClosed(1, count).mapToObj(n -> existingClusterId(settings, n))
                .flatMap(Optional::stream).findFirst().orElseGet(() -> Uuid.randomUuid().toString());
        for (int nodeId = 1; nodeId <= count; nodeId++) {
            writeConfig(settings, nodeId, credentials);
            if (existingClusterId(settings, nodeId).isEmpty()) {
                format(settings, nodeId, clusterId);
            }
        }
        KafkaBroker started = new KafkaBroker(settings, List.of(), credentials);
        try {
            for (int nodeId = 1; nodeId <= count; nodeId++) {
                started.nodes.add(startNode(settings, nodeId));
            }
            started.awaitReady(IntStream.rangeClosed(1, count).boxed().toList(), Duration.ofSeconds(90));
            try (Admin admin = Admin.create(started.clientConfig(KafkaCredentials.ADMIN))) {
                accessControl.apply(admin, credentials);
            }
            credentials.writeClientFiles(started.bootstrapServers);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Every node's client listener, comma-separated: a client reaches the cluster while any one of them is up. */
    static String bootstrapServers(StackSettings settings) {
        return settings.kafkaNodes().stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
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

    /** Node 1's process (the only one of a single broker). */
    public ManagedProcess process() {
        return node(1);
    }

    /** The process of node {@code nodeId} (1 to the number of nodes). */
    public ManagedProcess node(int nodeId) {
        return nodes.get(nodeId - 1);
    }

    /**
     * Starts node {@code nodeId} again on its ports and storage (after it died or was killed) and returns once the
     * cluster counts it again; {@link #close} stops it.
     */
    public void restartNode(int nodeId) {
        nodes.set(nodeId - 1, startNode(settings, nodeId));
        awaitReady(List.of(nodeId), Duration.ofSeconds(90));
    }

    /** Stops every node at once: one by one, the last ones would wait for a quorum that has already gone. */
    @Override
    public void close() {
        List<Thread> stopping = nodes.stream().map(node -> Thread.ofVirtual().start(node::close)).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ManagedProcess startNode(StackSettings settings, int nodeId) {
        return ManagedProcess.start(nodeName(settings, nodeId),
                concat(java(settings), List.of("kafka.Kafka", configFile(settings, nodeId).toString())), Map.of(),
                settings.dataDirectory(), settings.logDirectory().resolve(nodeName(settings, nodeId) + ".log"));
    }

    /** {@code kafka} for a single broker (its data and log keep the names they always had), {@code kafka-<n>} in a cluster. */
    private static String nodeName(StackSettings settings, int nodeId) {
        return settings.shape().kafkaCluster() ? "kafka-" + nodeId : "kafka";
    }

    private static Path logDirectory(StackSettings settings, int nodeId) {
        return settings.dataDirectory().resolve(nodeName(settings, nodeId));
    }

    private static Path configFile(StackSettings settings, int nodeId) {
        return settings.dataDirectory().resolve(nodeName(settings, nodeId) + ".properties");
    }

    private static List<String> java(StackSettings settings) {
        return List.of(settings.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", settings.kafkaLibraries().resolve("*").toString());
    }

    /** The cluster id node {@code nodeId}'s storage was formatted with, if it was. */
    private static Optional<String> existingClusterId(StackSettings settings, int nodeId) {
        Path meta = logDirectory(settings, nodeId).resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(meta)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    private static void writeConfig(StackSettings settings, int nodeId, KafkaCredentials credentials) {
        List<StackShape.KafkaNode> all = settings.kafkaNodes();
        StackShape.KafkaNode node = all.get(nodeId - 1);
        String controller = "127.0.0.1:" + node.controllerPort();
        String voters = IntStream.rangeClosed(1, all.size())
                .mapToObj(n -> n + "@127.0.0.1:" + all.get(n - 1).controllerPort()).collect(Collectors.joining(","));
        StackShape shape = settings.shape();
        String plainLogin = credentials.brokerPlainJaasConfig();
        List<String> lines = new ArrayList<>(List.of(
                "# Written by the local stack at every start; edit StackSettings/KafkaBroker instead. Holds the",
                "# super user's password: it lives under data/, which is never committed.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=CLIENTS://127.0.0.1:" + node.port() + ",CONTROLLER://" + controller,
                "advertised.listeners=CLIENTS://127.0.0.1:" + node.port(),
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
                "log.dirs=" + logDirectory(settings, nodeId).toAbsolutePath(),
                // Topics are provisioned explicitly, with partition counts; a typo must not create one.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                // One replica per broker; in a cluster a write is acknowledged (acks=all) once two brokers have it.
                "default.replication.factor=" + shape.replicationFactor(),
                "min.insync.replicas=" + shape.minInsyncReplicas(),
                "unclean.leader.election.enable=false",
                "offsets.topic.replication.factor=" + shape.replicationFactor(),
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=" + shape.replicationFactor(),
                "transaction.state.log.min.isr=" + shape.minInsyncReplicas(),
                "share.coordinator.state.topic.replication.factor=" + shape.replicationFactor(),
                "share.coordinator.state.topic.min.isr=" + shape.minInsyncReplicas(),
                // A single-node stack has nobody else to wait for when a consumer group forms.
                "group.initial.rebalance.delay.ms=0"));
        if (shape.kafkaCluster()) {
            // A killed broker is fenced (its partitions get new leaders, it leaves every ISR) when its session
            // lapses: 9 s by default, during which every acks=all write waits. On loopback heartbeats are cheap, so
            // the lapse is short enough for intake's 202 to stay within its answer budget during a failover.
            lines.add("broker.heartbeat.interval.ms=" + FAILOVER_HEARTBEAT_MS);
            lines.add("broker.session.timeout.ms=" + FAILOVER_SESSION_MS);
        }
        lines.add("");
        try {
            Files.createDirectories(logDirectory(settings, nodeId));
            SecretFiles.write(configFile(settings, nodeId), String.join("\n", lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kafka-storage format} through its main class, with a fresh cluster id. */
    private static void format(StackSettings settings, int nodeId, String clusterId) {
        String name = nodeName(settings, nodeId) + "-format";
        ManagedProcess formatter = ManagedProcess.start(name,
                concat(java(settings), List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "-t", clusterId, "-c", configFile(settings, nodeId).toString())),
                Map.of(), settings.dataDirectory(), settings.logDirectory().resolve(name + ".log"));
        int exitCode = formatter.awaitExit(Duration.ofSeconds(90));
        if (exitCode != 0) {
            throw new StackStartupException("Formatting Kafka storage failed with exit code " + exitCode
                    + " (log: " + formatter.logFile() + "):\n" + formatter.tailOfLog(20));
        }
    }

    /** Waits until the cluster counts every node of {@code nodeIds} among its live brokers. */
    private void awaitReady(List<Integer> nodeIds, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(clientConfig(KafkaCredentials.ADMIN));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                nodeIds.forEach(nodeId -> node(nodeId).requireAlive());
                try {
                    Set<Integer> live = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                            .map(Node::id).collect(Collectors.toSet());
                    if (live.containsAll(nodeIds)) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new StackStartupException("Interrupted while waiting for Kafka");
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    ManagedProcess first = node(nodeIds.getFirst());
                    throw new StackStartupException("Kafka node(s) " + nodeIds + " did not answer on " + bootstrapServers
                            + " within " + timeout.toSeconds() + " s (log: " + first.logFile() + "). Last lines:\n"
                            + first.tailOfLog(30));
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
