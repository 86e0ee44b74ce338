package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Where the stack runs: ports, data directory, the jars it launches, and whether Kafka or MongoDB
 * come from outside ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}) instead of being started.
 *
 * @param repositoryRoot      the checkout; service jars are read from {@code <root>/<module>/target}
 * @param dataDirectory       Kafka log dirs, the MongoDB file and every process's log live here
 * @param kafkaLibraries      the {@code kafka_2.13} class path (a directory of jars)
 * @param externalKafka       bootstrap servers of a Kafka to use instead of starting one
 * @param externalMongo       connection string of a MongoDB to use instead of starting one
 * @param serviceArguments    extra {@code --name=value} arguments per service
 * @param serviceJvmOptions   JVM options for every service process
 * @param shape               one broker or a cluster of three, and which services run a second instance
 */
public record StackSettings(
        Path repositoryRoot,
        Path dataDirectory,
        Path kafkaLibraries,
        String javaExecutable,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        Map<StackService, Integer> servicePorts,
        Optional<String> externalKafka,
        Optional<String> externalMongo,
        Map<StackService, List<String>> serviceArguments,
        List<String> serviceJvmOptions,
        Duration startupTimeout,
        StackShape shape) {

    public StackSettings {
        // Children run in other working directories: every path they get must be absolute.
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        kafkaLibraries = kafkaLibraries.toAbsolutePath().normalize();
        servicePorts = Map.copyOf(servicePorts);
        serviceArguments = Map.copyOf(serviceArguments);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /**
     * How long the services may take to report UP. Alone on 2 cores they need well under a minute; on
     * a machine shared with parallel builds we measured three minutes, so allow generous headroom.
     */
    public static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);

    /** Small heaps and the C1 compiler only: four services plus a broker must fit a 2-core laptop. */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The developer stack: one broker, fixed ports 9092 / 27017 / 8081-8084, data under {@code <root>/data}. */
    public static StackSettings forDevelopment(Path repositoryRoot, Map<String, String> environment) {
        Map<StackService, List<String>> arguments = new EnumMap<>(StackService.class);
        arguments.put(StackService.NOTIFICATION, List.of("--hearing.notification.embedded-smtp.enabled=true"));
        return new StackSettings(repositoryRoot, repositoryRoot.resolve("data"),
                repositoryRoot.resolve("local-stack/target/kafka-libs"), currentJava(),
                9092, 9093, 27017, portPerService(StackService::defaultPort),
                nonBlank(environment.get("KAFKA_BOOTSTRAP_SERVERS")), nonBlank(environment.get("MONGODB_URI")),
                arguments, DEFAULT_SERVICE_JVM_OPTIONS, STARTUP_TIMEOUT, StackShape.SINGLE);
    }

    /** An isolated stack for tests: one broker, every port free, data in {@code dataDirectory}, nothing external. */
    public static StackSettings onFreePorts(Path repositoryRoot, Path dataDirectory, Path kafkaLibraries) {
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLibraries, currentJava(),
                freePort(), freePort(), freePort(), portPerService(service -> freePort()), Optional.empty(),
                Optional.empty(), new EnumMap<>(StackService.class), DEFAULT_SERVICE_JVM_OPTIONS, STARTUP_TIMEOUT,
                StackShape.SINGLE);
    }

    /** A copy with {@code arguments} appended to what {@code service} already gets. */
    public StackSettings withServiceArguments(StackService service, List<String> arguments) {
        Map<StackService, List<String>> copy = new EnumMap<>(StackService.class);
        copy.putAll(serviceArguments);
        List<String> combined = new ArrayList<>(copy.getOrDefault(service, List.of()));
        combined.addAll(arguments);
        copy.put(service, List.copyOf(combined));
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLibraries, javaExecutable, kafkaPort,
                kafkaControllerPort, mongoPort, servicePorts, externalKafka, externalMongo, copy,
                serviceJvmOptions, startupTimeout, shape);
    }

    /** A copy with another shape: a Kafka cluster, second instances. */
    public StackSettings withShape(StackShape newShape) {
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLibraries, javaExecutable, kafkaPort,
                kafkaControllerPort, mongoPort, servicePorts, externalKafka, externalMongo, serviceArguments,
                serviceJvmOptions, startupTimeout, newShape);
    }

    /**
     * A copy in the shape of a Kafka cluster ({@code kafkaCluster}) and second instances of {@code twoInstancesOf},
     * on free ports none of which this stack already uses (two quick calls of {@link #freePort} may return the same one).
     */
    public StackSettings withShapeOnFreePorts(boolean kafkaCluster, List<StackService> twoInstancesOf) {
        java.util.Set<Integer> taken = new java.util.HashSet<>(List.of(kafkaPort, kafkaControllerPort, mongoPort));
        taken.addAll(servicePorts.values());
        java.util.function.IntSupplier unused = () -> {
            int port = freePort();
            while (!taken.add(port)) {
                port = freePort();
            }
            return port;
        };
        return withShape(StackShape.onFreePorts(kafkaCluster, twoInstancesOf, unused));
    }

    /** Every Kafka node this stack starts, node 1 (on {@link #kafkaPort}) first; node ids are positions from 1. */
    public List<StackShape.KafkaNode> kafkaNodes() {
        List<StackShape.KafkaNode> nodes = new ArrayList<>();
        nodes.add(new StackShape.KafkaNode(kafkaPort, kafkaControllerPort));
        nodes.addAll(shape.moreBrokers());
        return List.copyOf(nodes);
    }

    public int portOf(StackService service) {
        return servicePorts.get(service);
    }

    public String baseUrlOf(StackService service) {
        return "http://127.0.0.1:" + portOf(service);
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** The JVM running this code: the one run.sh chose (21+), reused for every child process. */
    static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port free on loopback right now (the usual small race with other processes is accepted). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<StackService, Integer> portPerService(ToIntFunction<StackService> port) {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, port.applyAsInt(service));
        }
        return ports;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
