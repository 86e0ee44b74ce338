package kz.hearingstate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import kz.hearingstate.web.testapp.TestApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server on a random port, called over real sockets: every boundary of the shared edge, tried from
 * outside. Problems must be problem+json from the catalogue, localised, and never leak internals.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebEdgeIntegrationTest {

    static final String TYPES = "https://hearingstate.kz/problems/";
    static final String ADMIN = "admin-test-key";
    static final String HOUSING = "housing-test-key";
    static final String EDUCATION = "education-test-key";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void resetCounter() {
        TestApplication.BODIES_BOUND.set(0);
    }

    // --- authentication before the body -------------------------------------------------------------

    @Test
    void givenNoKey_whenPostingABrokenBody_thenUnauthenticatedAndTheBodyIsNeverRead() throws Exception {
        HttpResponse<String> response = post("/api/things", null, "{\"name\": \"x\", \"name\": ");

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("ApiKey header=\"X-Api-Key\"");
        assertThat(TestApplication.BODIES_BOUND).hasValue(0);
    }

    @Test
    void givenNoKey_whenPostingAnInvalidButWellFormedBody_thenUnauthenticatedWithoutFieldList() throws Exception {
        HttpResponse<String> response = post("/api/things", null, "{\"name\":\"\",\"rating\":9}");

        JsonNode problem = assertProblem(response, 401, "unauthenticated");
        assertThat(problem.has("errors")).isFalse();
        assertThat(TestApplication.BODIES_BOUND).hasValue(0);
    }

    @Test
    void givenAWrongKey_whenCallingEvenAnOpenAddress_thenUnauthenticated() throws Exception {
        assertProblem(get("/api/things/h-1", "not-a-key"), 401, "unauthenticated");
        assertProblem(get("/api/open/count?from=1", "not-a-key"), 401, "unauthenticated");
    }

    @Test
    void givenADepartmentKey_whenCallingAnAdminAddress_thenForbidden() throws Exception {
        assertProblem(get("/api/admin/report", HOUSING), 403, "forbidden");
        assertThat(get("/api/admin/report", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void givenAnotherDepartmentsItem_whenReadingIt_thenTheAnswerIsExactlyNotFound() throws Exception {
        HttpResponse<String> notYours = get("/api/things/e-1", HOUSING);
        HttpResponse<String> missing = get("/api/things/nothing-here", HOUSING);

        assertProblem(notYours, 404, "not-found");
        // Identical but for "instance", the path the caller asked for.
        assertThat(withoutInstance(notYours.body())).isEqualTo(withoutInstance(missing.body()));
        assertThat(get("/api/things/e-1", EDUCATION).statusCode()).isEqualTo(200);
        assertThat(get("/api/things/e-1", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void givenAKey_whenPostingAValidBody_thenThePrincipalReachesTheController() throws Exception {
        HttpResponse<String> response = post("/api/things", HOUSING, "{\"name\":\"pipe\",\"rating\":3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("by").asString()).isEqualTo("housing-utilities");
    }

    // --- problems for bad input -----------------------------------------------------------------------

    @Test
    void givenMalformedJson_thenMalformedJson() throws Exception {
        assertProblem(post("/api/things", HOUSING, "{\"name\": "), 400, "malformed-json");
    }

    @Test
    void givenADuplicateKey_thenDuplicateJsonKey() throws Exception {
        assertProblem(post("/api/things", HOUSING, "{\"name\":\"a\",\"name\":\"b\",\"rating\":1}"), 400, "duplicate-json-key");
    }

    @Test
    void givenAnUnknownField_thenValidationFailedNamingIt() throws Exception {
        JsonNode problem = assertProblem(post("/api/things", HOUSING, "{\"name\":\"a\",\"rating\":1,\"admin\":true}"),
                400, "validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("admin");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("is not a known field");
    }

    @Test
    void givenANumberWhereTextBelongs_thenValidationFailedNamingIt() throws Exception {
        JsonNode problem = assertProblem(post("/api/things", HOUSING, "{\"name\":5,\"rating\":1}"), 400, "validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void givenBrokenRules_thenValidationFailedWithEveryFieldInTheRequestsLanguage() throws Exception {
        HttpResponse<String> english = post("/api/things", HOUSING, "{\"name\":\"\",\"rating\":9}");
        JsonNode problem = assertProblem(english, 400, "validation-failed");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(english.body()).contains("\"field\":\"name\"", "is required", "\"field\":\"rating\"", "must be at most 5");

        HttpResponse<String> russian = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "application/json").header("Accept-Language", "ru-RU,ru;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"rating\":1}")));
        JsonNode ru = assertProblem(russian, 400, "validation-failed");
        assertThat(ru.get("title").asString()).isEqualTo("Неверный запрос");
        assertThat(ru.get("errors").get(0).get("message").asString()).isEqualTo("обязательное поле");

        HttpResponse<String> kazakh = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "application/json").header("Accept-Language", "kk")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"rating\":1}")));
        JsonNode kk = assertProblem(kazakh, 400, "validation-failed");
        assertThat(kk.get("errors").get(0).get("message").asString()).isEqualTo("міндетті өріс");
    }

    @Test
    void givenAnEmptyBody_thenEmptyBody() throws Exception {
        assertProblem(post("/api/things", HOUSING, ""), 400, "empty-body");
    }

    @Test
    void givenBytesThatAreNotUtf8_thenInvalidEncoding() throws Exception {
        byte[] latin1 = "{\"name\":\"caf\u00e9\",\"rating\":1}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertProblem(response, 400, "invalid-encoding");
    }

    @Test
    void givenJsonLabelledWithAnotherCharset_thenUnsupportedMediaTypeNotGarbledText() throws Exception {
        for (String charset : new String[] {"ISO-8859-1", "windows-1251", "UTF-16", "no-such-charset"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                    .header("Content-Type", "application/json; charset=" + charset)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Нет воды\",\"rating\":1}", StandardCharsets.UTF_8)));
            assertProblem(response, 415, "unsupported-media-type");
        }
        HttpResponse<String> utf8 = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "application/json; charset=\"utf8\"") // an alias, quoted
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Нет воды\",\"rating\":1}", StandardCharsets.UTF_8)));
        assertThat(utf8.statusCode()).isEqualTo(200);
        assertThat(json.readTree(utf8.body()).get("name").asString()).isEqualTo("Нет воды");
    }

    @Test
    void givenAFormPost_thenItMayBeThreeTimesTheLimit_forItsPercentEncodingTriplesEveryByteBeyondAscii() throws Exception {
        // The limit is 1 KB here: 300 Cyrillic letters are 600 bytes of UTF-8 and 1,800 of a form.
        HttpResponse<String> fits = postForm("/api/things/form", "name=" + URLEncoder.encode("ж".repeat(300), StandardCharsets.UTF_8));
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        assertThat(json.readTree(fits.body()).get("length").asInt()).isEqualTo(300);
        assertProblem(postForm("/api/things/form", "name=" + URLEncoder.encode("ж".repeat(600), StandardCharsets.UTF_8)),
                413, "payload-too-large");
        // Tomcat parses a form for the first filter that asks for a parameter (the CSRF filter, or the API-key filter
        // looking for api_key), before anyone is authenticated, and a chunked body has no length to check first: Tomcat
        // holds the same bound (WebDefaults), not its own 2 MB.
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/things/form")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString("name=" + "a".repeat(4 * 1024)))));
        assertProblem(chunked, 413, "payload-too-large");
    }

    private HttpResponse<String> postForm(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", HOUSING)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void givenAFormBodyOnAPut_thenItIsNeverRead() throws Exception {
        // Spring's form-content filter would read it whole, before authentication and without a limit (WebDefaults).
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/open/form")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("read").asBoolean()).isFalse();
    }

    @Test
    void givenABrokenOrLargeMultipartBody_thenBadRequestOrPayloadTooLargeNeverAnError(CapturedOutput output) throws Exception {
        HttpResponse<String> broken = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end")));
        assertProblem(broken, 400, "bad-request");

        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n" + "a".repeat(4096)
                + "\r\n--b--\r\n";
        HttpResponse<String> large = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString(part)));
        assertProblem(large, 413, "payload-too-large");
        assertThat(output.getOut() + output.getErr()).doesNotContain("Unexpected failure on POST");
    }

    @Test
    void givenABodyOverTheLimit_thenPayloadTooLarge() throws Exception {
        assertProblem(post("/api/things", HOUSING, "{\"name\":\"" + "a".repeat(2000) + "\"}"), 413, "payload-too-large");
    }

    @Test
    void givenAnotherMediaType_thenUnsupportedMediaType() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/things")).header("X-Api-Key", HOUSING)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void givenAnAcceptThatIsNotJson_thenNotAcceptable() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/things/h-1")).header("X-Api-Key", HOUSING)
                .header("Accept", "text/xml").GET());
        assertProblem(response, 406, "not-acceptable");
    }

    @Test
    void givenAnUnsupportedMethod_thenMethodNotAllowedWithAllow() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/things/h-1")).header("X-Api-Key", HOUSING)
                .DELETE());
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void givenAMissingOrWrongParameter_thenValidationFailedNamingIt() throws Exception {
        JsonNode missing = assertProblem(get("/api/open/count", null), 400, "validation-failed");
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("from");
        JsonNode wrong = assertProblem(get("/api/open/count?from=abc", null), 400, "validation-failed");
        assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    @Test
    void givenAnUnknownAddress_thenNotFound() throws Exception {
        assertProblem(get("/api/nothing/here", HOUSING), 404, "not-found");
        assertProblem(get("/nothing/here", null), 404, "not-found");
        // A browser too, where no part of the site is pages for people (PeoplesPages).
        assertProblem(send(HttpRequest.newBuilder(uri("/nothing/here")).header("Accept", "text/html,*/*;q=0.8").GET()),
                404, "not-found");
    }

    @Test
    void givenARateLimit_thenRateLimitedWithRetryAfterInWholeSeconds() throws Exception {
        HttpResponse<String> response = get("/api/open/busy", null);
        assertProblem(response, 429, "rate-limited");
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
    }

    @Test
    void givenAClientThatHangsUpMidAnswer_thenNoErrorIsLoggedAndNoProblemIsWrittenAfterIt(CapturedOutput output)
            throws Exception {
        int endedBefore = TestApplication.DOWNLOADS_ENDED.get();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/open/download HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readNBytes(1024);
        } // hung up with most of the answer unread

        await().atMost(Duration.ofSeconds(20)).until(() -> TestApplication.DOWNLOADS_ENDED.get() > endedBefore);
        Thread.sleep(200); // the exception handler runs just after the download's finally block
        assertThat(output.getOut() + output.getErr()).as("a client gone is no failure of ours")
                .doesNotContain("Unexpected failure on GET /api/open/download")
                .doesNotContain("Failure in @ExceptionHandler");
    }

    @Test
    void givenAnUnexpectedFailure_thenInternalErrorWithoutInternals() throws Exception {
        HttpResponse<String> response = get("/api/open/broken", null);
        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("secret", "Exception", "at kz.");
    }

    @Test
    void givenAFailureOnAPathThatCarriesASecret_thenTheLogNamesTheRouteNotThePath(CapturedOutput output) throws Exception {
        assertProblem(get("/api/open/broken/q7vz2kx9m4tr8wbn5hc3pd6f", null), 500, "internal-error");
        assertProblem(get("/api/open/nowhere/q7vz2kx9m4tr8wbn5hc3pd6f", null), 404, "not-found");

        assertThat(output.getOut() + output.getErr()).contains("Unexpected failure on GET /api/open/broken/{secret}")
                .doesNotContain("q7vz2kx9m4tr8wbn5hc3pd6f");
    }

    // --- headers -----------------------------------------------------------------------------------------

    @Test
    void givenAnyApiAnswer_thenSecurityHeadersAndNoStore() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {get("/api/things/h-1", HOUSING), get("/api/things/h-1", null),
                get("/api/open/count?from=1", null)}) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        }
    }

    @Test
    void givenThePublicPage_thenOpenWithSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Open to all");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(get("/page.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    void givenActuatorHealth_thenOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isIn(200, 404); // no actuator in this test app
    }

    @Test
    void givenAnyOtherActuatorEndpoint_thenTheAdminsOnly() throws Exception {
        assertProblem(get("/actuator/env", null), 401, "unauthenticated");
        assertProblem(get("/actuator/bindings/x", HOUSING), 403, "forbidden");
        assertThat(get("/actuator/env", ADMIN).statusCode()).isEqualTo(404); // passes security; no actuator here
    }

    // --- errors raised by the container, before Spring MVC -------------------------------------------

    @Test
    void givenA100KilobyteHeader_thenProblemJsonNotAnHtmlPage() throws Exception {
        String response = raw("GET /api/things/h-1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(100_000)
                + "\r\nConnection: close\r\n\r\n");
        assertRawProblem(response, "bad-request", "headers-too-large");
    }

    @Test
    void givenAnEncodedDotDotPath_thenProblemJsonNotAnHtmlPage() throws Exception {
        assertRawProblem(raw("GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                "bad-request", "not-found");
        assertRawProblem(raw("GET /api/..%2fadmin/report HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                "bad-request", "not-found");
    }

    @Test
    void givenAnOverLongPath_thenProblemJsonNotAnHtmlPage() throws Exception {
        assertRawProblem(raw("GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                "bad-request", "uri-too-long", "headers-too-large");
    }

    @Test
    void givenABrokenPercentEncoding_thenProblemJsonNotAnHtmlPage() throws Exception {
        assertRawProblem(raw("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), "bad-request");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(TYPES + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private JsonNode withoutInstance(String problem) {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) json.readTree(problem);
        node.remove("instance");
        return node;
    }

    private void assertRawProblem(String response, String... slugs) {
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(head).as(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(body).doesNotContainIgnoringCase("<html");
        String type = json.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1)).get("type").asString();
        assertThat(type).isIn(java.util.Arrays.stream(slugs).map(slug -> TYPES + slug).toList());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before it has read everything: read what it said.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = in.read(buffer)) != -1) {
                    answer.write(buffer, 0, read);
                }
            } catch (IOException reset) {
                // A reset after the answer: keep what arrived.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return send(request);
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
