package kz.hearingstate.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

import kz.hearingstate.localstack.KafkaBroker;
import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.ManagedProcess;
import kz.hearingstate.localstack.MongoWireServerProcess;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.localstack.StackSettings;
import kz.hearingstate.performance.load.LoadTestChannel;
import kz.hearingstate.performance.measure.StackProcesses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack with the faults the suite injects: {@code kill -9} of a service or of the broker, a
 * stopped MongoDB-wire server, a second instance of a service. Everything it starts is stopped by
 * {@link #close()}, after the stack itself, so services never outlive the broker they talk to.
 */
final class FaultStack implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final LocalStack stack;
    private final LoadTestChannel channel;
    private final Deque<AutoCloseable> restarted = new ArrayDeque<>();

    private FaultStack(LocalStack stack, LoadTestChannel channel) {
        this.stack = stack;
        this.channel = channel;
    }

    static FaultStack start(Path repositoryRoot, Path dataDirectory) {
        LoadTestChannel channel = new LoadTestChannel();
        StackSettings settings = channel.configure(StackSettings.onFreePorts(repositoryRoot, dataDirectory,
                repositoryRoot.resolve("local-stack/target/kafka-libs")));
        StackProcesses.stopDescendantsOnExit();
        return new FaultStack(LocalStack.start(settings, line -> System.out.println("[stack] " + line)), channel);
    }

    String bootstrapServers() {
        return stack.kafkaBootstrapServers();
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

    /** One more instance of {@code service} on a free port, in the same consumer groups. */
    ManagedProcess addInstance(StackService service) {
        return stack.startInstance(service, StackSettings.freePort());
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

    /** The embedded SMTP server's received mail (since notification last started). */
    java.util.Optional<JsonNode> mailbox() {
        return json(baseUrlOf(StackService.NOTIFICATION) + "/api/v1/dev/mailbox");
    }

    java.util.Optional<JsonNode> json(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
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
    }
}
