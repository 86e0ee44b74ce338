package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path directory;

    @Test
    void givenChildrenStillRunning_whenTheLauncherStopsEverything_thenNoneIsLeftBehind() {
        ManagedProcess first = sleeper("first");
        ManagedProcess second = sleeper("second");

        ManagedProcess.stopAllStillRunning();

        assertThat(first.isAlive()).isFalse();
        assertThat(second.isAlive()).isFalse();
    }

    @Test
    void givenAChildThatExits_whenItFails_thenTheErrorCarriesItsExitCodeAndLog() {
        ManagedProcess failing = ManagedProcess.start("failing", List.of("sh", "-c", "echo broken config; exit 3"),
                Map.of(), directory, directory.resolve("logs/failing.log"));

        assertThat(failing.awaitExit(Duration.ofSeconds(10))).isEqualTo(3);
        assertThatThrownBy(failing::requireAlive)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("broken config");
    }

    private ManagedProcess sleeper(String name) {
        return ManagedProcess.start(name, List.of("sleep", "60"), Map.of(), directory,
                directory.resolve("logs/" + name + ".log"));
    }
}
