package kz.hearingstate.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform on one machine: Kafka, the MongoDB-wire server and the four services, each its
 * own process. {@link #start} returns once every service reports Actuator health UP;
 * {@link #close} stops everything it started, in reverse order. Used by {@link LocalStackMain} and,
 * on free ports, by the end-to-end test.
 */
public final class LocalStack implements AutoCloseable {

    /** The Spring profile every service is started with: the demo keys of application-local.yml. */
    public static final String LOCAL_PROFILE = "local";
    /** The local profile's operator key: notification's log and dev mailbox (X-Api-Key). */
    public static final String DEMO_OPERATOR_KEY = "local-operator-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<StackService, ManagedProcess> services = new EnumMap<>(StackService.class);
    /** The second instances of {@link StackShape#secondInstances()}. */
    private final Map<StackService, ManagedProcess> secondInstances = new EnumMap<>(StackService.class);
    private String kafkaBootstrapServers;
    private KafkaBroker kafka; // null when Kafka comes from outside (KAFKA_BOOTSTRAP_SERVERS)
    private KafkaCredentials kafkaCredentials; // null when Kafka comes from outside (KAFKA_BOOTSTRAP_SERVERS)
    private String mongoUri;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the stack; on failure stops whatever already started and throws a
     * {@link StackStartupException} naming the part and its log file.
     */
    public static LocalStack start(StackSettings settings, Consumer<String> progress) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll(progress);
            return stack;
        } catch (RuntimeException e) {
            progress.accept("Start-up failed, stopping what was started.");
            stack.close();
            throw e;
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /**
     * A Java Kafka client's connection settings as {@code principal} (a {@link KafkaCredentials} principal: a
     * service's, a department's, or {@link KafkaCredentials#ADMIN}); only the bootstrap servers for an outside Kafka.
     */
    public Map<String, Object> kafkaClientConfig(String principal) {
        return kafkaCredentials == null ? Map.of("bootstrap.servers", kafkaBootstrapServers)
                : kafkaCredentials.clientConfig(principal, kafkaBootstrapServers);
    }

    /** The credentials of the broker this stack started, with the paths of the client files. */
    public java.util.Optional<KafkaCredentials> kafkaCredentials() {
        return java.util.Optional.ofNullable(kafkaCredentials);
    }

    public String mongoUri() {
        return mongoUri;
    }

    public String baseUrlOf(StackService service) {
        return settings.baseUrlOf(service);
    }

    /** The process of a running service (for its pid and log file). */
    public ManagedProcess processOf(StackService service) {
        return services.get(service);
    }

    /** The second instance of {@code service}, when the shape runs one. */
    public java.util.Optional<ManagedProcess> secondInstanceOf(StackService service) {
        return java.util.Optional.ofNullable(secondInstances.get(service));
    }

    /** The Kafka nodes this stack started (empty when Kafka comes from outside). */
    public java.util.Optional<KafkaBroker> kafka() {
        return java.util.Optional.ofNullable(kafka);
    }

    /** Stops everything this stack started, last started first; never throws. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e.getMessage());
            }
        }
    }

    private void startAll(Consumer<String> progress) {
        for (StackService service : StackService.values()) {
            service.jarIn(settings.repositoryRoot()); // fail before starting anything when a jar is missing
        }
        requirePortsFree();
        if (settings.externalKafka().isPresent()) {
            kafkaBootstrapServers = settings.externalKafka().get();
            progress.accept("Using Kafka at " + kafkaBootstrapServers + " (KAFKA_BOOTSTRAP_SERVERS)");
        } else {
            progress.accept(settings.shape().kafkaCluster()
                    ? "Starting a Kafka cluster of " + settings.shape().brokers() + " KRaft nodes on "
                            + KafkaBroker.bootstrapServers(settings) + " (replication factor "
                            + settings.shape().replicationFactor() + ", min.insync.replicas "
                            + settings.shape().minInsyncReplicas() + ") ..."
                    : "Starting Kafka (KRaft) on 127.0.0.1:" + settings.kafkaPort() + " ...");
            kafka = KafkaBroker.start(settings);
            started.push(kafka);
            kafkaBootstrapServers = kafka.bootstrapServers();
            kafkaCredentials = kafka.credentials();
            progress.accept("Kafka users and ACLs ready; client files in "
                    + kafkaCredentials.kcatFile(KafkaCredentials.ADMIN).getParent());
        }
        List<String> created = TopicCatalog.provision(settings.repositoryRoot(), kafkaClientConfig(KafkaCredentials.ADMIN));
        progress.accept("Topics ready (" + created.size() + " created now, "
                + (TopicCatalog.topics(settings.repositoryRoot(), (short) 1).size() - created.size()) + " already there)");

        if (settings.externalMongo().isPresent()) {
            mongoUri = settings.externalMongo().get();
            progress.accept("Using MongoDB at " + redactCredentials(mongoUri) + " (MONGODB_URI)");
        } else {
            progress.accept("Starting the MongoDB-wire server on 127.0.0.1:" + settings.mongoPort() + " ...");
            MongoWireServerProcess mongo = MongoWireServerProcess.start(settings);
            started.push(mongo);
            mongoUri = mongo.uri();
        }

        for (StackService service : StackService.values()) {
            progress.accept("Starting " + service.module() + " on port " + settings.portOf(service) + " ...");
            ManagedProcess process = startService(service, settings.portOf(service));
            started.push(process);
            services.put(service, process);
        }
        settings.shape().secondInstances().forEach((service, port) -> {
            progress.accept("Starting a second " + service.module() + " on port " + port
                    + " (same consumer groups: the two share the partitions) ...");
            ManagedProcess process = startService(service, port);
            started.push(process);
            secondInstances.put(service, process);
        });
        awaitServicesHealthy(progress);
    }

    /**
     * Starts one more process of {@code service} on {@code port} and returns once it reports health UP; the
     * stack stops it on {@link #close}. On the service's own port it replaces a process that died (the fault
     * tests' restart after {@code kill -9}); on another port it adds an instance to the service's consumer groups.
     */
    public ManagedProcess startInstance(StackService service, int port) {
        return startInstance(service, port, List.of());
    }

    /** As {@link #startInstance(StackService, int)}, with {@code extraArguments} after the service's usual ones. */
    public ManagedProcess startInstance(StackService service, int port, List<String> extraArguments) {
        ManagedProcess process = startService(service, port, extraArguments);
        started.push(process);
        if (port == settings.portOf(service)) {
            services.put(service, process);
        }
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        while (!readHealth("http://127.0.0.1:" + port, service).up()) {
            process.requireAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new StackStartupException(service.module() + " on port " + port + " did not report health UP"
                        + " within " + settings.startupTimeout().toSeconds() + " s (log: " + process.logFile() + ")");
            }
            KafkaBroker.sleep(500);
        }
        return process;
    }

    private ManagedProcess startService(StackService service, int port) {
        return startService(service, port, List.of());
    }

    private ManagedProcess startService(StackService service, int port, List<String> extraArguments) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable());
        command.addAll(settings.serviceJvmOptions());
        command.add("-jar");
        command.add(service.jarIn(settings.repositoryRoot()).toAbsolutePath().toString());
        // The local profile holds the published demo keys; without it a service starts only with real ones.
        command.add("--spring.profiles.active=" + LOCAL_PROFILE);
        command.addAll(argumentsOf(service, port));
        command.addAll(extraArguments);
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "MONGODB_URI", mongoUri,
                "PORT", String.valueOf(port),
                // The citizen portal (intake) links to the transparency page of this stack's analytics.
                "TRANSPARENCY_URL", settings.baseUrlOf(StackService.ANALYTICS) + "/",
                // Notification's e-mails link to this stack's portal (the citizen's private link), on any port.
                "PUBLIC_BASE_URL", settings.baseUrlOf(StackService.INTAKE)));
        if (kafka != null) {
            // Topics a service provisions itself get as many replicas as the topic list's.
            environment.put("KAFKA_REPLICATION_FACTOR", String.valueOf(settings.shape().replicationFactor()));
        }
        if (kafkaCredentials != null) {
            // Each service signs in as its own principal, which the ACLs limit to what it reads and writes.
            environment.putAll(kafkaCredentials.serviceEnvironment(service.kafkaPrincipal()));
        }
        if (service == StackService.INTAKE) {
            environment.put("CITIZEN_ACCESS_KEY", CitizenAccessKey.readOrCreate(settings.dataDirectory()));
        }
        String name = port == settings.portOf(service) ? service.module() : service.module() + "-" + port;
        return ManagedProcess.start(name, command, environment, settings.repositoryRoot(),
                settings.logDirectory().resolve(name + ".log"));
    }

    /** The embedded SMTP server's settings: the instance on the service's own port runs it. */
    private static final String EMBEDDED_SMTP = "--hearing.notification.embedded-smtp.";

    /**
     * The service's arguments; an instance on another port leaves out notification's embedded SMTP server, whose
     * port the stack's own instance holds, and sends its mail to that one (the same {@code spring.mail} port), so
     * the stack keeps one mailbox.
     */
    private List<String> argumentsOf(StackService service, int port) {
        List<String> arguments = settings.serviceArguments().getOrDefault(service, List.of());
        if (service != StackService.NOTIFICATION || port == settings.portOf(service)) {
            return arguments;
        }
        List<String> without = new ArrayList<>(arguments.stream().filter(a -> !a.startsWith(EMBEDDED_SMTP)).toList());
        without.add(EMBEDDED_SMTP + "enabled=false");
        return without;
    }

    /** Polls every service instance's /actuator/health until all say UP; one that exits fails at once. */
    private void awaitServicesHealthy(Consumer<String> progress) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(settings.startupTimeout());
        record Instance(StackService service, int port, ManagedProcess process) {
            String name() {
                return process.name();
            }
        }
        List<Instance> waiting = new ArrayList<>();
        services.forEach((service, process) -> waiting.add(new Instance(service, settings.portOf(service), process)));
        secondInstances.forEach((service, process) -> waiting.add(
                new Instance(service, settings.shape().secondInstances().get(service), process)));
        Map<Instance, HealthReading> lastReading = new java.util.HashMap<>();
        while (!waiting.isEmpty()) {
            for (Instance instance : List.copyOf(waiting)) {
                instance.process().requireAlive();
                HealthReading reading = readHealth("http://127.0.0.1:" + instance.port(), instance.service());
                lastReading.put(instance, reading);
                if (reading.up()) {
                    waiting.remove(instance);
                    progress.accept(instance.name() + " is UP (" + Duration.between(begin, Instant.now()).toSeconds()
                            + " s)");
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                Instance late = waiting.getFirst();
                throw new StackStartupException(late.name() + " did not report health UP at http://127.0.0.1:"
                        + late.port() + "/actuator/health within " + settings.startupTimeout().toSeconds()
                        + " s; last answer: " + lastReading.get(late).description() + " (log: "
                        + late.process().logFile() + "). Last lines:\n" + late.process().tailOfLog(30));
            }
            KafkaBroker.sleep(1000);
        }
    }

    /** True when GET /actuator/health answers 200 with status UP. */
    public boolean isHealthy(StackService service) {
        return readHealth(baseUrlOf(service), service).up();
    }

    /** One answer of a service's health endpoint, kept to explain a start-up that never got to UP. */
    record HealthReading(boolean up, String description) {
    }

    private HealthReading readHealth(String baseUrl, StackService service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body().length() > 500 ? response.body().substring(0, 500) + "..." : response.body();
            if (response.statusCode() != 200) {
                return new HealthReading(false, "HTTP " + response.statusCode() + " " + body);
            }
            JsonNode status = JSON.readTree(response.body()).path("status");
            return new HealthReading("UP".equals(status.asString("")), "HTTP 200 " + body);
        } catch (IOException | RuntimeException e) {
            return new HealthReading(false, "no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartupException("Interrupted while waiting for " + service.module(), e);
        }
    }

    /** Fails before starting anything when a port the stack would bind is taken, saying which. */
    private void requirePortsFree() {
        Map<String, Integer> needed = new java.util.LinkedHashMap<>();
        if (settings.externalKafka().isEmpty()) {
            List<StackShape.KafkaNode> nodes = settings.kafkaNodes();
            for (int n = 1; n <= nodes.size(); n++) {
                String node = nodes.size() == 1 ? "" : " node " + n;
                needed.put("Kafka" + node, nodes.get(n - 1).port());
                needed.put("the Kafka controller" + node, nodes.get(n - 1).controllerPort());
            }
        }
        if (settings.externalMongo().isEmpty()) {
            needed.put("MongoDB", settings.mongoPort());
        }
        for (StackService service : StackService.values()) {
            needed.put(service.module(), settings.portOf(service));
        }
        settings.shape().secondInstances().forEach((service, port) -> needed.put("a second " + service.module(), port));
        List<String> taken = new ArrayList<>();
        needed.forEach((what, port) -> {
            if (!bindable(port)) {
                taken.add(port + " (" + what + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new StackStartupException("Port(s) already in use: " + String.join(", ", taken)
                    + ". Is another stack running? Stop it, or point KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI"
                    + " at an existing Kafka / MongoDB.");
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Never print a password from a connection string. */
    static String redactCredentials(String uri) {
        return uri.replaceAll("//[^/@]+@", "//***@");
    }
}
