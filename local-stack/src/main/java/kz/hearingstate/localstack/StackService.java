package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The four services, in start order, each a Spring Boot fat jar built in its own module. */
public enum StackService {
    INTAKE("intake-service", 8081),
    ROUTING("routing-service", 8082),
    NOTIFICATION("notification-service", 8083),
    ANALYTICS("analytics-service", 8084);

    private final String module;
    private final int defaultPort;

    StackService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** The service's Kafka principal (and consumer group): the module name without "-service". */
    public String kafkaPrincipal() {
        return module.substring(0, module.indexOf('-'));
    }

    /** The Maven module, also the process name and the log file name. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code <root>/<module>/target/<module>-<version>.jar}, the repackaged (executable) jar. */
    public Path jarIn(Path repositoryRoot) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(this::isExecutableJar).sorted().findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new StackStartupException("No " + module + " jar in " + target
                + ": build it first with ./mvnw -B -DskipTests package (./run.sh does this for you).");
    }

    private boolean isExecutableJar(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith(".jar")
                && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-plain.jar");
    }
}
