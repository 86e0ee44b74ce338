package kz.hearingstate.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gatling simulation against a real HTTP server on loopback that behaves like intake: 202 with an
 * appealId, except every fifth request, which gets 503 (broker down). What the load generator saw
 * must match what the server did, request for request, and be kept in the run's answers file.
 */
class GatlingRunnerTest {

    @TempDir
    Path results;

    @Test
    void givenAServerThatRefusesEveryFifthRequest_whenLoadedAtAFixedRate_thenEveryAnswerIsRecordedWithItsStatusAndAppealId()
            throws IOException {
        AtomicInteger requests = new AtomicInteger();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        Set<String> apiKeys = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/appeals", exchange -> {
            exchange.getRequestBody().readAllBytes();
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            apiKeys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            boolean refuse = requests.incrementAndGet() % 5 == 0;
            byte[] body = (refuse ? "{\"type\":\"https://hearingstate.kz/problems/broker-unavailable\"}"
                    : "{\"appealId\":\"" + UUID.randomUUID() + "\",\"status\":\"SUBMITTED\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", refuse ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(refuse ? 503 : 202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            GatlingRunner runner = new GatlingRunner("http://127.0.0.1:" + server.getAddress().getPort(), "test-key", results);

            List<SubmissionLog.Submission> seen = runner.atFixedRate("test-run", 20, Duration.ofSeconds(3));

            assertThat(seen).hasSize(requests.get()).hasSizeBetween(55, 65);
            assertThat(seen.stream().filter(SubmissionLog.Submission::accepted)).hasSize(requests.get() - requests.get() / 5);
            assertThat(seen.stream().filter(s -> s.status() == 503)).hasSize(requests.get() / 5)
                    .allSatisfy(s -> assertThat(s.appealId()).isNull());
            assertThat(seen).allSatisfy(s -> assertThat(s.responseTimeMillis()).isNotNegative());
            assertThat(keys).hasSize(requests.get()).allMatch(key -> key.startsWith("test-run-"));
            assertThat(apiKeys).containsExactly("test-key");
            List<String> kept = Files.readAllLines(results.resolve("test-run.answers.csv"));
            assertThat(kept.getFirst()).isEqualTo("completedAtMillis,status,responseTimeMillis");
            assertThat(kept.subList(1, kept.size())).hasSize(seen.size())
                    .filteredOn(line -> line.split(",")[1].equals("503")).hasSize(requests.get() / 5);
        } finally {
            server.stop(0);
        }
    }
}
