package kz.hearingstate.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kcat (librdkafka, not the Java client): a second, independent reader of the inboxes. Installed by
 * scripts/ci-tools.sh; when absent the test says so and relies on the Java consumer alone.
 */
final class Kcat {

    static final Path BINARY = Path.of("/usr/bin/kcat");

    static boolean isInstalled() {
        return Files.isExecutable(BINARY);
    }

    /**
     * The keys of every record on {@code topic}, from the beginning to the current end, read with a client file
     * of the local stack ({@code kcat -F data/kafka-clients/<principal>.properties}).
     */
    static List<String> keysOn(Path clientFile, String topic) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kcat-", ".out");
        Process kcat = new ProcessBuilder(BINARY.toString(), "-F", clientFile.toString(), "-C", "-t", topic,
                "-o", "beginning", "-e", "-q", "-f", "%k\\n")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!kcat.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("kcat did not finish reading " + topic + " within 30 s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (kcat.exitValue() != 0) {
                throw new IllegalStateException("kcat failed on " + topic + ": " + text);
            }
            return text.lines().filter(line -> !line.isBlank()).toList();
        } finally {
            kcat.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private Kcat() {
    }
}
