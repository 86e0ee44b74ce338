package kz.hearingstate.performance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What a finished run leaves of the stack's data directory: its logs and crash reports, not its 14 GiB store. */
class StoredDataTest {

    @TempDir
    Path work;

    @Test
    void givenAStoppedStacksDataDirectory_whenDiscarded_thenTheStoreAndTheBrokersDataGoAndTheLogsAndCrashReportsStay()
            throws IOException {
        Path data = Files.createDirectories(work.resolve("stack"));
        Path logs = Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("mongo.mv"), "store");
        Files.writeString(Files.createDirectories(data.resolve("kafka/appeal.submitted-0")).resolve("00000.log"), "records");
        Files.writeString(data.resolve("kafka.properties"), "node.id=1");
        Files.writeString(logs.resolve("intake-service.log"), "started");
        Files.writeString(Files.createDirectories(logs.resolve("gc")).resolve("intake.log"), "pause");
        Files.writeString(data.resolve("hs_err_pid4242.log"), "SIGSEGV");

        Benchmark.discardStoredData(data, logs);

        try (var left = Files.walk(data)) {
            assertThat(left.map(data::relativize).map(Path::toString).sorted())
                    .containsExactly("", "hs_err_pid4242.log", "logs", "logs/gc", "logs/gc/intake.log",
                            "logs/intake-service.log");
        }
    }

    @Test
    void givenARunThatNeverCreatedItsDataDirectory_whenDiscarded_thenNothingFails() throws IOException {
        Benchmark.discardStoredData(work.resolve("stack"), work.resolve("stack/logs"));

        assertThat(work.resolve("stack")).doesNotExist();
    }
}
