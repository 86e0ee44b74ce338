package kz.hearingstate.intake.submission;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 4 of the trust issue: two concurrent POSTs with one Idempotency-Key and different bodies both got 202
 * with the same appealId, and the second appeal vanished. Against the real broker and the MongoDB-wire server:
 * every 202 must stand for exactly one event on appeals.submitted that says what that 202's request said.
 */
class ConcurrentRetryIntegrationTest extends IntakeIntegrationTest {

    private static final int PAIRS = 50;

    private record Sent(String key, String text, HttpResponse<String> response) {
    }

    @Test
    void givenFiftyConcurrentPairsWithOneKeyAndDifferentBodies_whenSubmitted_thenOne202AndOne422EachAndNoAppealIsLost() {
        List<CompletableFuture<Sent>> inFlight = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String key = "race-" + UUID.randomUUID();
            inFlight.add(send(key, "Прошу починить трубу в доме номер " + i + " на улице Абая."));
            inFlight.add(send(key, "Прошу убрать снег у школы номер " + i + " в Узынагаше."));
        }
        List<Sent> sent = inFlight.stream().map(CompletableFuture::join).toList();

        Map<String, List<Sent>> byKey = sent.stream().collect(Collectors.groupingBy(Sent::key));
        assertThat(byKey).hasSize(PAIRS).allSatisfy((key, pair) -> assertThat(pair.stream()
                .map(s -> s.response().statusCode()).sorted().toList()).as("answers to key %s", key).containsExactly(202, 422));
        List<Sent> accepted = sent.stream().filter(s -> s.response().statusCode() == 202).toList();
        assertEachAcceptedAppealIsOnKafkaAsSent(accepted);
        assertThat(accepted.stream().map(s -> body(s.response()).get("appealId").asString()).distinct()).hasSize(PAIRS);
    }

    @Test
    void givenConcurrentPairsWithOneKeyAndTheSameBody_whenSubmitted_thenBothGetTheSameAppealAndSecret() {
        List<CompletableFuture<Sent>> inFlight = new ArrayList<>();
        for (int i = 0; i < PAIRS / 2; i++) {
            String key = "twin-" + UUID.randomUUID();
            String text = "Прошу отремонтировать остановку номер " + i + " на трассе.";
            inFlight.add(send(key, text));
            inFlight.add(send(key, text));
        }
        List<Sent> sent = inFlight.stream().map(CompletableFuture::join).toList();

        assertThat(sent).allSatisfy(s -> assertThat(s.response().statusCode()).as(s.response().body()).isEqualTo(202));
        sent.stream().collect(Collectors.groupingBy(Sent::key)).forEach((key, pair) -> {
            JsonNode first = body(pair.get(0).response());
            JsonNode second = body(pair.get(1).response());
            assertThat(second.get("appealId")).isEqualTo(first.get("appealId"));
            assertThat(second.get("accessSecret")).isEqualTo(first.get("accessSecret"));
            assertThat(second.get("statusUrl")).isEqualTo(first.get("statusUrl"));
            assertThat(second.get("receivedAt")).isEqualTo(first.get("receivedAt"));
        });
        assertEachAcceptedAppealIsOnKafkaAsSent(sent);
    }

    /** Each accepted appeal: on the topic under one event id (a republished copy repeats it), saying what was sent. */
    private void assertEachAcceptedAppealIsOnKafkaAsSent(List<Sent> accepted) {
        Map<String, List<ConsumerRecord<String, byte[]>>> recordsById = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records(Topics.APPEALS_SUBMITTED)) {
            recordsById.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
        }
        for (Sent s : accepted) {
            String appealId = body(s.response()).get("appealId").asString();
            List<ConsumerRecord<String, byte[]>> records = recordsById.getOrDefault(appealId, List.of());
            assertThat(records).as("events of accepted appeal %s", appealId).isNotEmpty();
            assertThat(records.stream().map(r -> header(r, CloudEventHeaders.ID)).distinct()).containsExactly(appealId);
            assertThat(records).allSatisfy(r -> assertThat(json.readTree(r.value()).get("text").asString())
                    .as("what the event of %s says", appealId).isEqualTo(s.text()));
        }
    }

    private CompletableFuture<Sent> send(String key, String text) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/appeals"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", DEMO_KEY)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(validAppeal(text), StandardCharsets.UTF_8))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Sent(key, text, response));
    }
}
