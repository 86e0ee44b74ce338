package kz.hearingstate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import kz.hearingstate.localstack.KafkaAccessControl;
import kz.hearingstate.localstack.KafkaBroker;
import kz.hearingstate.localstack.KafkaCredentials;
import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.ManagedProcess;
import kz.hearingstate.localstack.MongoWireServerProcess;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.localstack.StackSettings;
import kz.hearingstate.localstack.TopicList;
import kz.hearingstate.performance.load.LoadTestChannel;
import kz.hearingstate.performance.measure.StackProcesses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack with the faults the suite injects: {@code kill -9} of a service or of the broker, a
 * stopped MongoDB-wire server, a second instance of a service, consumers leaving and rejoining their groups
 * (Spring Cloud Stream's {@code /actuator/bindings}, exposed for this stack only, so no JVM start is needed). Everything it starts is
 * stopped by {@link #close()}, after the stack itself, so services never outlive the broker they talk to.
 */
final class FaultStack implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final LocalStack stack;
    private final LoadTestChannel channel;
    private final Deque<AutoCloseable> restarted = new ArrayDeque<>();

    private final Path jarSnapshot;

    private FaultStack(LocalStack stack, LoadTestChannel channel, Path jarSnapshot) {
        this.stack = stack;
        this.channel = channel;
        this.jarSnapshot = jarSnapshot;
    }

    /** The services' consumer bindings can be stopped and started over HTTP, so a consumer leaves and rejoins. */
    private static final String EXPOSE_BINDINGS = "--management.endpoints.web.exposure.include=health,info,prometheus,bindings";
    /** ... and answered without a key (appeal-web keeps every other actuator endpoint the admin's). */
    private static final String OPEN_BINDINGS = "--hearing.web.security.open-actuator-endpoints=health,info,prometheus,bindings";

    /**
     * A notification killed while it sends leaves its claimed messages to be sent again once their lease runs out:
     * 5 minutes by default, longer than a scenario waits for everything to settle, so a minute here.
     */
    private static final String SHORT_LEASE = "--hearing.notification.delivery.lease=1m";

    /**
     * The cluster shape runs eleven JVMs on the machine's cores. Once, a submission sent at 3 a second waited over half a
     * second for one of intake's threads while the brokers failed over, and intake's overload guard (500 ms) answered
     * 503 (CI of 5 Dec 2026, 08:57): the cores, not the failover under test. The suite's own bound on an answer, 2 s,
     * is the arrival budget here; intake's tests hold the guard itself.
     */
    private static final String CLUSTER_ARRIVAL_BUDGET = "--hearing.intake.admission.arrival-budget=2s";

    static FaultStack start(Path repositoryRoot, Path dataDirectory) {
        return start(repositoryRoot, dataDirectory, false, List.of());
    }

    /** The stack with a Kafka cluster of three ({@code kafkaCluster}) and second instances of {@code twoInstancesOf}. */
    static FaultStack start(Path repositoryRoot, Path dataDirectory, boolean kafkaCluster, List<StackService> twoInstancesOf) {
        LoadTestChannel channel = new LoadTestChannel();
        Path jarSnapshot = snapshotOfServiceJars(repositoryRoot, dataDirectory);
        StackSettings settings = channel.configure(StackSettings.onFreePorts(jarSnapshot, dataDirectory,
                repositoryRoot.resolve("local-stack/target/kafka-libs"))).withShapeOnFreePorts(kafkaCluster, twoInstancesOf);
        for (StackService service : StackService.values()) {
            settings = settings.withServiceArguments(service, List.of(EXPOSE_BINDINGS, OPEN_BINDINGS));
        }
        settings = settings.withServiceArguments(StackService.NOTIFICATION, List.of(SHORT_LEASE));
        if (kafkaCluster) {
            settings = settings.withServiceArguments(StackService.INTAKE, List.of(CLUSTER_ARRIVAL_BUDGET));
        }
        StackProcesses.stopDescendantsOnExit();
        return new FaultStack(LocalStack.start(settings, line -> System.out.println("[stack] " + line)), channel,
                jarSnapshot);
    }

    /**
     * A copy of every service jar, laid out as in the checkout ({@code <root>/<module>/target/<jar>}). The suite
     * runs for minutes and restarts services from their jars; a rebuild of a module meanwhile (another terminal,
     * an IDE) would otherwise replace the jar under a running JVM, whose next class load then fails with
     * {@code NoClassDefFoundError} (seen: routing's producer threads died that way in a run).
     */
    private static Path snapshotOfServiceJars(Path repositoryRoot, Path dataDirectory) {
        Path snapshot = dataDirectory.resolve("jars");
        try {
            for (StackService service : StackService.values()) {
                Path jar = service.jarIn(repositoryRoot);
                Path target = Files.createDirectories(snapshot.resolve(service.module()).resolve("target"));
                Files.copy(jar, target.resolve(jar.getFileName()));
            }
            // The broker's ACLs and the topic list are read from the same root as the jars.
            for (String file : List.of(KafkaAccessControl.ACL_FILE, TopicList.PATH)) {
                Path copy = snapshot.resolve(file);
                Files.createDirectories(copy.getParent());
                Files.copy(repositoryRoot.resolve(file), copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the service jars to " + snapshot, e);
        }
        return snapshot;
    }

    /** The super user's connection settings: the suite observes every topic and group, and injects faults. */
    Map<String, Object> kafka() {
        return stack.kafkaClientConfig(KafkaCredentials.ADMIN);
    }

    String baseUrlOf(StackService service) {
        return stack.baseUrlOf(service);
    }

    String apiKey() {
        return channel.apiKey();
    }

    Path logDirectory() {
        return stack.settings().logDirectory();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, no consumer group is left cleanly. */
    void kill9(StackService service) {
        kill9(stack.processOf(service).pid());
    }

    /** SIGTERM and wait: the service shuts down cleanly and leaves its consumer groups at once. */
    void stop(StackService service) {
        stack.processOf(service).close();
    }

    /** A new process of {@code service} on its own port; returns once it reports health UP. */
    void restart(StackService service) {
        stack.startInstance(service, stack.settings().portOf(service));
    }

    /**
     * One more instance of {@code service} on a free port whose consumers stay out of their groups until
     * {@link #startConsumers}, so it can start while other scenarios run; stopped by its close().
     */
    Instance addInstanceWithoutConsumers(StackService service) {
        int port = StackSettings.freePort();
        List<String> consumersIdle = consumerBindings(service).stream()
                .map(name -> "--spring.cloud.stream.bindings." + name + ".consumer.auto-startup=false").toList();
        return new Instance(stack.startInstance(service, port, consumersIdle), "http://127.0.0.1:" + port);
    }

    /** A service process started in addition to the stack's own, and where it answers. */
    record Instance(ManagedProcess process, String baseUrl) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    /** Stops every consumer binding of the {@code service} instance at {@code baseUrl}: its consumers leave their groups. */
    void stopConsumers(StackService service, String baseUrl) {
        changeConsumerBindings(service, baseUrl, "STOPPED");
    }

    /** Starts them again: the consumers rejoin their groups. */
    void startConsumers(StackService service, String baseUrl) {
        changeConsumerBindings(service, baseUrl, "STARTED");
    }

    /**
     * POSTs the new state to each consumer binding by name, never GETting {@code /actuator/bindings} first: in
     * Spring Cloud Stream 5.0.4 that query leaves a null observation registry in the Kafka listener container,
     * and the restarted container then fails on every record (spring-cloud-stream#3268).
     */
    private void changeConsumerBindings(StackService service, String baseUrl, String state) {
        for (String name : consumerBindings(service)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(baseUrl + "/actuator/bindings/" + name))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("Binding " + name + " at " + baseUrl + " answered "
                            + response.statusCode() + " to " + state + ": " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Pattern CONSUMER_BINDING = Pattern.compile("(?m)^\\s+([A-Za-z0-9]+-in-\\d+):\\s*$");

    /** The consumer bindings ({@code <function>-in-<n>}) declared in the application.yml of the jar that runs. */
    List<String> consumerBindings(StackService service) {
        Path jar = service.jarIn(jarSnapshot);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry yml = zip.getEntry("BOOT-INF/classes/application.yml");
            if (yml == null) {
                throw new IllegalStateException("No application.yml in " + jar);
            }
            String text = new String(zip.getInputStream(yml).readAllBytes(), StandardCharsets.UTF_8);
            List<String> names = CONSUMER_BINDING.matcher(text).results().map(m -> m.group(1)).distinct().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("No consumer binding (<function>-in-<n>) declared in " + jar);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Kafka nodes the stack started. */
    KafkaBroker kafkaCluster() {
        return stack.kafka().orElseThrow(() -> new IllegalStateException("Kafka comes from outside"));
    }

    /** SIGKILL to Kafka node {@code nodeId} of the cluster. */
    void kill9KafkaNode(int nodeId) {
        kill9(kafkaCluster().node(nodeId).pid());
    }

    /** The node again on its ports and storage; returns once the cluster counts it. */
    void restartKafkaNode(int nodeId) {
        kafkaCluster().restartNode(nodeId);
    }

    /** SIGKILL to the second instance of {@code service}. */
    void kill9SecondInstance(StackService service) {
        kill9(stack.secondInstanceOf(service).orElseThrow(() -> new IllegalStateException("No second " + service.module()))
                .pid());
    }

    void kill9Broker() {
        kill9(StackProcesses.childWhoseCommandHas("kafka.Kafka")
                .orElseThrow(() -> new IllegalStateException("No running broker")));
    }

    /** The broker again, on the same port and log directories; returns once it answers. */
    void restartBroker() {
        restarted.push(KafkaBroker.start(stack.settings()));
    }

    /** SIGTERM to the MongoDB-wire server: it closes its store cleanly, as an operator's stop would. */
    void stopMongo() {
        long pid = StackProcesses.childWhoseCommandHas("MongoWireServerMain")
                .orElseThrow(() -> new IllegalStateException("No running MongoDB-wire server"));
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroy();
        handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    void startMongo() {
        restarted.push(MongoWireServerProcess.start(stack.settings()));
    }

    /** analytics' {@code figures.received}, or empty when it does not answer. */
    OptionalLong analyticsCount() {
        return json(baseUrlOf(StackService.ANALYTICS) + "/api/v1/stats/summary")
                .map(summary -> summary.path("figures").path("received"))
                .filter(JsonNode::isNumber).map(n -> OptionalLong.of(n.asLong())).orElse(OptionalLong.empty());
    }

    /**
     * How many appeals the routing instance at {@code baseUrl} has routed since it started: the count of its
     * {@code appeal.routing.latency} timer, or -1 when it does not answer.
     */
    long appealsRoutedBy(String baseUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            return Math.round(response.body().lines().filter(line -> line.startsWith("appeal_routing_latency_seconds_count"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The embedded SMTP server's received mail (since notification last started). */
    java.util.Optional<JsonNode> mailbox() {
        // It parses every stored message per call: seconds for a thousand mails on a busy machine.
        return json(baseUrlOf(StackService.NOTIFICATION) + "/api/v1/dev/mailbox", Duration.ofSeconds(90),
                LocalStack.DEMO_OPERATOR_KEY);
    }

    java.util.Optional<JsonNode> json(String url) {
        return json(url, Duration.ofSeconds(10), null);
    }

    /** @param apiKey sent as X-Api-Key when not null (the dev mailbox is the operators') */
    private java.util.Optional<JsonNode> json(String url, Duration timeout, String apiKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout).header("Accept", "application/json").GET();
            if (apiKey != null) {
                request.header("X-Api-Key", apiKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? java.util.Optional.of(JSON.readTree(response.body()))
                    : java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static void kill9(long pid) {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No process " + pid));
        handle.destroyForcibly();
        handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** The end of a suite: its observer's admin client, then the stack; either may be null (start-up failed). */
    static void stop(org.apache.kafka.clients.admin.Admin admin, FaultStack stack) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    public void close() {
        stack.close();
        while (!restarted.isEmpty()) {
            try {
                restarted.pop().close();
            } catch (Exception e) {
                System.err.println("Could not stop a restarted part: " + e.getMessage());
            }
        }
        deleteJarSnapshot();
    }

    /** The copied jars (about 250 MB) go; the logs stay for reading. */
    private void deleteJarSnapshot() {
        try (Stream<Path> files = Files.walk(jarSnapshot)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + jarSnapshot + ": " + e.getMessage());
        }
    }
}
