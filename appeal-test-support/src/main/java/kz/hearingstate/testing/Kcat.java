package kz.hearingstate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kcat (librdkafka, not the Java client): an independent Kafka client, as a department system or an operator
 * would run it. Installed by scripts/ci-tools.sh.
 *
 * @param exitCode kcat's exit code, -1 when it did not finish within 30 s
 * @param stdout   what it printed on standard output: the records, one line each in the requested format
 * @param stderr   its messages: errors such as a refused authorisation
 */
public record Kcat(int exitCode, String stdout, String stderr) {

    private static final List<Path> LOCATIONS = List.of(Path.of("/usr/bin/kcat"), Path.of("/usr/local/bin/kcat"));

    public static boolean isInstalled() {
        return LOCATIONS.stream().anyMatch(Files::isExecutable);
    }

    /** Connection options for a broker without authentication. */
    public static List<String> brokers(String bootstrapServers) {
        return List.of("-b", bootstrapServers);
    }

    /** Connection options from a librdkafka client file (the local stack's {@code data/kafka-clients/<principal>.properties}). */
    public static List<String> clientFile(Path file) {
        return List.of("-F", file.toString());
    }

    /**
     * {@code kcat <connection> -C -t <topic> -o beginning -e <format>}: every record so far.
     *
     * @param format for example {@code "-J"} (JSON envelopes) or {@code "-f", "%k\\n"} (keys)
     */
    public static Kcat consume(List<String> connection, String topic, String... format) {
        List<String> command = new ArrayList<>();
        command.add(LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElse(LOCATIONS.getFirst()).toString());
        command.addAll(connection);
        command.addAll(List.of("-C", "-t", topic, "-o", "beginning", "-e"));
        command.addAll(List.of(format));
        return run(command);
    }

    /** The records' lines; fails unless kcat exited with 0. */
    public List<String> lines() {
        if (exitCode != 0) {
            throw new IllegalStateException("kcat failed (exit " + exitCode + "): " + stderr);
        }
        return stdout.lines().filter(line -> !line.isBlank()).toList();
    }

    /** Everything kcat printed, records and messages. */
    public String output() {
        return stdout + stderr;
    }

    private static Kcat run(List<String> command) {
        Path out = null;
        Path err = null;
        try {
            // Output goes to files, read after kcat exits: a topic larger than a pipe's buffer (64 KiB) would block
            // kcat on its write and it would never exit.
            out = Files.createTempFile("kcat-", ".out");
            err = Files.createTempFile("kcat-", ".err");
            Process kcat = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished = kcat.waitFor(30, TimeUnit.SECONDS);
            if (!finished) {
                kcat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            // Dead letters carry binary headers: new String replaces what is not UTF-8, Files.readString would throw.
            return new Kcat(finished ? kcat.exitValue() : -1, new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }
}
