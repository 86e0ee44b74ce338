package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures are caught before anything starts and say exactly what is wrong. */
class LocalStackIntegrationTest {

    @TempDir
    Path root;

    @Test
    void givenTheKafkaPortIsTaken_whenTheStackStarts_thenItStartsNothingAndNamesThePort() throws IOException {
        builtJars();
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StackSettings free = StackSettings.onFreePorts(root, root.resolve("data"), Path.of("target/kafka-libs"));
            StackSettings clashing = new StackSettings(free.repositoryRoot(), free.dataDirectory(),
                    free.kafkaLibraries(), free.javaExecutable(), occupied.getLocalPort(), free.kafkaControllerPort(),
                    free.mongoPort(), free.servicePorts(), free.externalKafka(), free.externalMongo(),
                    free.serviceArguments(), free.serviceJvmOptions(), free.startupTimeout(), free.shape());
            List<String> progress = new ArrayList<>();

            assertThatThrownBy(() -> LocalStack.start(clashing, progress::add))
                    .isInstanceOf(StackStartupException.class)
                    .hasMessageContaining(occupied.getLocalPort() + " (Kafka)");
            assertThat(progress).noneMatch(line -> line.startsWith("Starting"));
            assertThat(root.resolve("data/logs")).doesNotExist();
        }
    }

    @Test
    void givenAMissingServiceJar_whenTheStackStarts_thenTheErrorNamesTheModuleBeforeKafkaStarts() {
        StackSettings settings = StackSettings.onFreePorts(root, root.resolve("data"), Path.of("target/kafka-libs"));

        assertThatThrownBy(() -> LocalStack.start(settings, line -> { }))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("No intake-service jar");
        assertThat(root.resolve("data")).doesNotExist();
    }

    @Test
    void givenDevelopmentSettings_whenKafkaAndMongoAreGivenInTheEnvironment_thenThoseAreUsedInsteadOfEmbeddedOnes() {
        StackSettings settings = StackSettings.forDevelopment(root, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092", "MONGODB_URI", "mongodb://user:secret@mongo:27017"));

        assertThat(settings.externalKafka()).contains("kafka-1:9092");
        assertThat(settings.externalMongo()).contains("mongodb://user:secret@mongo:27017");
        assertThat(LocalStack.redactCredentials(settings.externalMongo().orElseThrow()))
                .isEqualTo("mongodb://***@mongo:27017");
        assertThat(settings.serviceArguments().get(StackService.NOTIFICATION))
                .contains("--hearing.notification.embedded-smtp.enabled=true");
    }

    private void builtJars() throws IOException {
        for (StackService service : StackService.values()) {
            Path target = Files.createDirectories(root.resolve(service.module()).resolve("target"));
            Files.createFile(target.resolve(service.module() + "-0.1.0-SNAPSHOT.jar"));
        }
    }
}
