package kz.hearingstate.routing.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
            Process process = new ProcessBuilder("kcat", "-b", bootstrapServers, "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-J")
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kcat did not finish reading " + topic);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kcat failed: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            List<JsonNode> records = new ArrayList<>();
            for (String line : output.split("\n")) {
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
