package kz.hearingstate.routing.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** kcat (/usr/bin/kcat), an independent Kafka client, as a department system or an operator would run it. */
public final class Kcat {

    private Kcat() {
    }

    /** {@code kcat -C -t <topic> -o beginning -e -J}: every record so far, as JSON envelopes (key, payload, headers). */
    public static List<JsonNode> readAll(String bootstrapServers, String topic, JsonMapper json) {
        try {
            // kcat's output goes to a file: read from a pipe only after it exits, a topic larger than the pipe's
            // buffer (64 KiB) would block kcat on its write and it would never exit.
            Path output = Files.createTempFile("kcat-", ".jsonl");
            Process process = new ProcessBuilder("kcat", "-b", bootstrapServers, "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-J")
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kcat did not finish reading " + topic);
            }
            String lines = new String(Files.readAllBytes(output), StandardCharsets.UTF_8); // dead letters carry binary headers
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kcat failed reading " + topic + " (exit " + process.exitValue() + ")");
            }
            List<JsonNode> records = new ArrayList<>();
            for (String line : lines.split("\n")) {
                if (!line.isBlank()) {
                    records.add(json.readTree(line));
                }
            }
            return records;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
