package kz.hearingstate.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table in {@code malformed-requests.jsonl}: malformed and malicious requests, each with its documented
 * 4xx and problem type. None may get a 5xx, and none may put anything on Kafka, as counted by the end
 * offsets of the topics intake writes, read by an independent client before and after the whole table.
 *
 * <p>A row is a variation of one valid appeal: {@code patch} sets fields (dotted paths), {@code remove}
 * drops them, {@code repeat} fills a field with n characters; or it replaces the body with {@code body}
 * (JSON), {@code raw} (text) or {@code rawHex} (bytes). {@code {trackingCode}} in a path is a real appeal.
 */
class MalformedRequestsIntegrationTest extends IntakeIntegrationTest {

    private static final String TYPE_BASE = "https://hearingstate.kz/problems/";

    @TestFactory
    Stream<DynamicTest> everyMalformedOrMaliciousRequestGetsItsDocumented4xxAndReachesNoTopic() throws IOException {
        String trackingCode = body(postJson("/api/v1/appeals", DEMO_KEY, validAppeal("Нет воды на улице Абая уже три дня.")))
                .get("trackingCode").asString();
        List<JsonNode> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(50);
        long offsetsBefore = endOffsets(Topics.APPEALS_SUBMITTED, Topics.APPEALS_FEEDBACK);

        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : rows) {
            tests.add(DynamicTest.dynamicTest(row.get("name").asString(), () -> check(row, trackingCode)));
        }
        tests.add(DynamicTest.dynamicTest("nothing of the table reached Kafka", () ->
                assertThat(endOffsets(Topics.APPEALS_SUBMITTED, Topics.APPEALS_FEEDBACK)).isEqualTo(offsetsBefore)));
        return tests.stream();
    }

    private void check(JsonNode row, String trackingCode) {
        HttpResponse<String> response = send(request(row, trackingCode));

        assertThat(response.statusCode()).as(response.body()).isLessThan(500).isEqualTo(row.get("status").asInt());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.get("type").asString()).isEqualTo(TYPE_BASE + row.get("type").asString());
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (row.has("field")) {
            assertThat(problem.get("errors").findValuesAsString("field")).contains(row.get("field").asString());
        }
        if (problem.has("errors")) {
            assertThat(problem.get("errors").findValuesAsString("message")).allSatisfy(m -> assertThat(m).doesNotStartWith("validation."));
        }
    }

    private HttpRequest request(JsonNode row, String trackingCode) {
        String path = row.path("path").asString("/api/v1/appeals").replace("{trackingCode}", trackingCode);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(java.time.Duration.ofSeconds(30));
        String method = row.path("method").asString("POST");
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body(row)));
        }
        String contentType = row.path("contentType").asString("application/json");
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        JsonNode apiKey = row.get("apiKey");
        if (apiKey == null) {
            request.header("X-Api-Key", DEMO_KEY);
        } else if (!apiKey.isNull() && !apiKey.asString().isEmpty()) {
            request.header("X-Api-Key", apiKey.asString());
        }
        if (row.has("headers")) {
            row.get("headers").properties().forEach(header -> request.header(header.getKey(), header.getValue().asString()));
        }
        return request.build();
    }

    private byte[] body(JsonNode row) {
        if (row.has("raw")) {
            return row.get("raw").asString().getBytes(StandardCharsets.UTF_8);
        }
        if (row.has("rawHex")) {
            return HexFormat.of().parseHex(row.get("rawHex").asString());
        }
        if (row.has("body")) {
            return json.writeValueAsBytes(row.get("body"));
        }
        ObjectNode appeal = (ObjectNode) json.readTree(validAppeal("Нет воды на улице Абая уже три дня."));
        if (row.has("patch")) {
            row.get("patch").properties().forEach(field -> set(appeal, field.getKey(), field.getValue()));
        }
        if (row.has("remove")) {
            row.get("remove").forEach(field -> remove(appeal, field.asString()));
        }
        if (row.has("repeat")) {
            row.get("repeat").properties().forEach(field ->
                    set(appeal, field.getKey(), json.getNodeFactory().stringNode("ы".repeat(field.getValue().asInt()))));
        }
        String text = appeal.toString() + row.path("appendRaw").asString("");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.remove(parts[parts.length - 1]);
    }

    private List<JsonNode> rows() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/malformed-requests.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .map(json::readTree)
                    .toList();
        }
    }
}
