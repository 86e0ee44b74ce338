package kz.hearingstate.performance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench.sh} and CI wait on the benchmark's JVM: a failed run must end it with a status other than 0,
 * even while threads that are not daemons are still alive (a failed growth run once hung for an hour).
 */
class BenchmarkMainTest {

    @Test
    void givenARunThatFailsWhileAThreadThatIsNoDaemonLives_whenTheBenchmarkEnds_thenTheProcessExitsWithStatus1(
            @TempDir Path empty) throws IOException, InterruptedException {
        // A checkout with nothing built: the stack cannot start.
        Process benchmark = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WithALingeringThread.class.getName(),
                "--growth", "--repository", empty.toString(), "--output", empty.resolve("report").toString())
                .redirectErrorStream(true).redirectOutput(empty.resolve("out.log").toFile()).start();

        boolean ended = benchmark.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            benchmark.destroyForcibly();
        }

        String output = Files.readString(empty.resolve("out.log"), StandardCharsets.UTF_8);
        assertThat(ended).as(output).isTrue();
        assertThat(benchmark.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("The benchmark failed");
        assertThat(empty.resolve("report")).doesNotExist();
    }

    @Test
    void givenAnUnknownOption_whenTheBenchmarkStarts_thenItPrintsItsUsageAndReturns2() throws Exception {
        assertThat(BenchmarkMain.run(new String[] {"--no-such-option"})).isEqualTo(2);
    }

    /** The benchmark as bench.sh starts it, with a thread that is not a daemon and never ends. */
    public static final class WithALingeringThread {
        public static void main(String[] args) {
            Thread lingering = new Thread(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lingering");
            lingering.setDaemon(false);
            lingering.start();
            BenchmarkMain.main(args);
        }
    }
}
