package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackServiceTest {

    @TempDir
    Path root;

    @Test
    void givenABuiltModule_whenTheJarIsLookedUp_thenTheExecutableJarIsChosenOverSourcesAndOriginals() throws IOException {
        Path target = Files.createDirectories(root.resolve("routing-service/target"));
        Files.createFile(target.resolve("routing-service-0.1.0-SNAPSHOT-sources.jar"));
        Files.createFile(target.resolve("routing-service-0.1.0-SNAPSHOT.jar.original"));
        Files.createFile(target.resolve("routing-service-0.1.0-SNAPSHOT.jar"));

        assertThat(StackService.ROUTING.jarIn(root)).isEqualTo(target.resolve("routing-service-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void givenAnUnbuiltModule_whenTheJarIsLookedUp_thenTheErrorSaysHowToBuildIt() {
        assertThatThrownBy(() -> StackService.INTAKE.jarIn(root))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("intake-service")
                .hasMessageContaining("./mvnw -B -DskipTests package");
    }

    @Test
    void givenTheFourServices_thenTheyUseTheDocumentedPortsInStartOrder() {
        assertThat(StackService.values()).extracting(StackService::defaultPort).containsExactly(8081, 8082, 8083, 8084);
    }
}
