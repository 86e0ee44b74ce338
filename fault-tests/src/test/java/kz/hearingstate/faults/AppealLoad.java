package kz.hearingstate.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import kz.hearingstate.performance.load.AppealBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizens submitting appeals at a fixed rate while faults happen, and what each one was told. Arrivals
 * do not wait for answers (open model), so a stalled intake cannot slow the load down. Every request
 * has its own Idempotency-Key; nothing is retried, so each 202 is one appeal the platform promised to keep.
 */
final class AppealLoad implements AutoCloseable {

    /** One submission: {@code status} 0 means no answer (connection refused, or no answer within 15 s). */
    record Outcome(String idempotencyKey, String appealId, String trackingCode, int status, long sentAtMillis,
                   long answeredAtMillis) {
        boolean acknowledged() {
            return status == 202 && appealId != null && !appealId.isEmpty();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    private static final AtomicLong SEQUENCE = new AtomicLong(1_000_000);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final URI submit;
    private final String apiKey;
    private final String runId;

    private AppealLoad(String intakeBaseUrl, String apiKey, String runId) {
        this.submit = URI.create(intakeBaseUrl + "/api/v1/appeals");
        this.apiKey = apiKey;
        this.runId = runId;
    }

    /** Starts submitting {@code perSecond} appeals a second until {@link #stop()}. */
    static AppealLoad start(String intakeBaseUrl, String apiKey, String runId, double perSecond) {
        AppealLoad load = new AppealLoad(intakeBaseUrl, apiKey, runId);
        long periodMicros = Math.round(1_000_000 / perSecond);
        load.scheduler.scheduleAtFixedRate(load::submitOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        return load;
    }

    private void submitOne() {
        long sequence = SEQUENCE.incrementAndGet();
        String key = runId + "-" + sequence;
        HttpRequest request = HttpRequest.newBuilder(submit)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Api-Key", apiKey)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(AppealBodies.appealJson(sequence), StandardCharsets.UTF_8))
                .build();
        long sentAt = System.currentTimeMillis();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long answeredAt = System.currentTimeMillis();
            if (response == null) {
                outcomes.add(new Outcome(key, null, null, 0, sentAt, answeredAt));
            } else {
                JsonNode body = acceptedBody(response);
                outcomes.add(new Outcome(key, text(body, "appealId"), text(body, "trackingCode"), response.statusCode(),
                        sentAt, answeredAt));
            }
            inFlight.decrementAndGet();
        });
    }

    private static JsonNode acceptedBody(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        return body != null && body.path(field).isString() ? body.path(field).asString() : null;
    }

    /** Stops new arrivals and waits (bounded) for every answer still outstanding. */
    List<Outcome> stop() {
        scheduler.shutdownNow();
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.plusSeconds(5).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(100);
        }
        return List.copyOf(outcomes);
    }

    List<Outcome> outcomesSoFar() {
        return List.copyOf(outcomes);
    }

    static Set<String> acknowledged(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::acknowledged).map(Outcome::appealId).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        stop();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
