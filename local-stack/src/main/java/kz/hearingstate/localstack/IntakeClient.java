package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A channel's view of intake-service over HTTP: submit an appeal, look up its status. Used by the
 * demo, by the end-to-end test and by {@link RouteSet}, so all speak to intake exactly as a channel would.
 */
public final class IntakeClient {

    /** The local demo channel's key (configured, hashed, in intake-service's application.yml). */
    public static final String DEMO_CHANNEL_KEY = "demo-portal-key";

    /** Statuses an appeal has before routing took it; anything else means routing decided. */
    private static final Set<String> BEFORE_ROUTING = Set.of("", "SUBMITTED", "RECEIVED", "REGISTERED");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final String apiKey;

    public IntakeClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** What intake answered to a submission; {@code body} is the parsed JSON (problem+json on errors). */
    public record Submission(int status, JsonNode body) {
        public String appealId() {
            return body.path("appealId").asString("");
        }

        public String trackingCode() {
            return body.path("trackingCode").asString("");
        }

        public boolean accepted() {
            return status == 202;
        }
    }

    /** POST /api/v1/appeals with {@code Idempotency-Key}, so a retried demo run creates nothing new. */
    public Submission submit(JsonNode appeal, String idempotencyKey) {
        HttpResponse<String> response = send(submission(appeal, idempotencyKey));
        return new Submission(response.statusCode(), parse(response.body()));
    }

    /**
     * {@link #submit}, sent again after {@code Retry-After} while intake answers 429 (the channel's rate limit) or 503
     * (overloaded, or Kafka unreachable), until {@code patience} is spent: those answers say when to come back, and the
     * idempotency key (required here) makes a resent appeal the same appeal.
     */
    public Submission submitPatiently(JsonNode appeal, String idempotencyKey, Duration patience) {
        HttpRequest request = submission(appeal, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
        Instant deadline = Instant.now().plus(patience);
        HttpResponse<String> response = send(request);
        while ((response.statusCode() == 429 || response.statusCode() == 503) && Instant.now().isBefore(deadline)) {
            KafkaBroker.sleep(Duration.ofSeconds(Math.clamp(retryAfterSeconds(response), 1, 10)).toMillis());
            response = send(request);
        }
        return new Submission(response.statusCode(), parse(response.body()));
    }

    private HttpRequest submission(JsonNode appeal, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/appeals"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(appeal), StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    /** Intake sends seconds; anything else (an HTTP date from a proxy) is taken as one second. */
    private static long retryAfterSeconds(HttpResponse<String> response) {
        try {
            return response.headers().firstValueAsLong("Retry-After").orElse(1);
        } catch (NumberFormatException notSeconds) {
            return 1;
        }
    }

    /** GET /api/v1/appeals/{trackingCode} as the channel that submitted it (its key); empty on 404. */
    public Optional<JsonNode> status(String trackingCode) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/appeals/"
                        + URLEncoder.encode(trackingCode, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").header("X-Api-Key", apiKey).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Status lookup of " + trackingCode + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return Optional.of(parse(response.body()));
    }

    /** Polls the status lookup until routing has decided (any status past registration), or times out. */
    public Optional<JsonNode> awaitDecision(String trackingCode, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Optional<JsonNode> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            last = status(trackingCode);
            if (last.isPresent() && !BEFORE_ROUTING.contains(statusOf(last.get()))) {
                return last;
            }
            KafkaBroker.sleep(250);
        }
        return last;
    }

    /** The {@code status} field of a status lookup. */
    public static String statusOf(JsonNode appealStatus) {
        return appealStatus.path("status").asString("");
    }

    /**
     * Where routing placed the appeal: the department of the first {@code ROUTED} step of a status lookup's history,
     * whatever happened to the appeal since (staff forward appeals on); empty before routing.
     */
    public static String routedTo(JsonNode appealStatus) {
        for (JsonNode step : appealStatus.path("history")) {
            if ("ROUTED".equals(step.path("change").asString(""))) {
                return step.path("department").asString("");
            }
        }
        return "";
    }

    /** The department code of a status lookup: {@code department} as a string or as {@code {code: ...}}. */
    public static String departmentOf(JsonNode appealStatus) {
        JsonNode department = appealStatus.path("department");
        if (department.isObject()) {
            return department.path("code").asString("");
        }
        return department.asString("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A refused connection has no message: its class says what happened.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UncheckedIOException("intake-service at " + baseUrl + " did not answer: " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode().put("raw", body);
        }
    }
}
