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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private String kafkaBootstrapServers;
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
            progress.accept("Starting Kafka (KRaft) on 127.0.0.1:" + settings.kafkaPort() + " ...");
            KafkaBroker broker = KafkaBroker.start(settings);
            started.push(broker);
            kafkaBootstrapServers = broker.bootstrapServers();
            kafkaCredentials = broker.credentials();
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
        command.addAll(settings.serviceArguments().getOrDefault(service, List.of()));
        command.addAll(extraArguments);
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "MONGODB_URI", mongoUri,
                "PORT", String.valueOf(port),
                // The citizen portal (intake) links to the transparency page of this stack's analytics.
                "TRANSPARENCY_URL", settings.baseUrlOf(StackService.ANALYTICS) + "/",
                // Notification's e-mails link to this stack's portal (the citizen's private link), on any port.
                "PUBLIC_BASE_URL", settings.baseUrlOf(StackService.INTAKE)));
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

    /** Polls every service's /actuator/health until all say UP; a service that exits fails at once. */
    private void awaitServicesHealthy(Consumer<String> progress) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(settings.startupTimeout());
        Set<StackService> waiting = new LinkedHashSet<>(services.keySet());
        Map<StackService, HealthReading> lastReading = new EnumMap<>(StackService.class);
        while (!waiting.isEmpty()) {
            for (StackService service : List.copyOf(waiting)) {
                services.get(service).requireAlive();
                HealthReading reading = readHealth(baseUrlOf(service), service);
                lastReading.put(service, reading);
                if (reading.up()) {
                    waiting.remove(service);
                    progress.accept(service.module() + " is UP (" + Duration.between(begin, Instant.now()).toSeconds()
                            + " s)");
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                StackService late = waiting.iterator().next();
                ManagedProcess process = services.get(late);
                throw new StackStartupException(late.module() + " did not report health UP at "
                        + baseUrlOf(late) + "/actuator/health within " + settings.startupTimeout().toSeconds()
                        + " s; last answer: " + lastReading.get(late).description() + " (log: " + process.logFile()
                        + "). Last lines:\n" + process.tailOfLog(30));
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
            needed.put("Kafka", settings.kafkaPort());
            needed.put("the Kafka controller", settings.kafkaControllerPort());
        }
        if (settings.externalMongo().isEmpty()) {
            needed.put("MongoDB", settings.mongoPort());
        }
        for (StackService service : StackService.values()) {
            needed.put(service.module(), settings.portOf(service));
        }
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
