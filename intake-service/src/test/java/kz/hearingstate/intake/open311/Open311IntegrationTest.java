package kz.hearingstate.intake.open311;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.directory.DepartmentRecord;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.messaging.EventSchemas;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class Open311IntegrationTest extends IntakeIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private static final Path CLIENT_DIR = Path.of("src/test/open311-client");

    @Test
    void givenTheDiscoveryAndServiceList_whenReadInJsonAndXml_thenOneServicePerCategoryIsOffered() throws Exception {
        JsonNode discovery = body(get("/open311/v2/discovery.json"));
        assertThat(discovery.get("endpoints").get(0).get("url").asString()).isEqualTo(uri("/open311/v2").toString());
        assertThat(discovery.get("endpoints").get(0).get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");

        JsonNode services = body(get("/open311/v2/services.json", "Accept-Language", "ru"));
        assertThat(services.findValuesAsString("service_code")).hasSize(20).contains("water-supply", "corruption", "general");
        assertThat(services.get(1).get("service_name").asString()).isEqualTo("Водоснабжение");

        HttpResponse<String> xml = get("/open311/v2/services.xml");
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        Document document = xml(xml.body());
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("services");
        assertThat(document.getElementsByTagName("service").getLength()).isEqualTo(20);

        assertThat(body(get("/open311/v2/services/roads.json")).get("service_code").asString()).isEqualTo("roads");
        assertThat(xml(get("/open311/v2/discovery.xml").body()).getElementsByTagName("format").getLength()).isEqualTo(2);
    }

    @Test
    void givenAFormPostedRequest_whenReadBackInBothFormats_thenItIsAnOrdinaryAppealShownWithoutPersonalData() throws Exception {
        HttpResponse<String> posted = postForm("/open311/v2/requests.json", form(OPEN311_KEY));

        assertThat(posted.statusCode()).isEqualTo(201);
        String id = body(posted).get(0).get("service_request_id").asString();
        JsonNode event = json.readTree(records("appeals.submitted").stream()
                .filter(r -> json.readTree(r.value()).get("trackingCode").asString().equals(id)).findFirst().orElseThrow().value());
        assertThat(EventSchemas.violations(EventTypes.APPEAL_SUBMITTED, event)).isEmpty();
        assertThat(event.get("channel").asString()).isEqualTo("open311-gateway");
        assertThat(event.get("categoryHint").asString()).isEqualTo("water-supply");
        assertThat(event.get("citizen").get("email").asString()).isEqualTo("aigerim@example.kz");
        routeToHousing(body(posted).get(0).get("token").asString(), id);

        JsonNode request = body(get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("water-supply");
        Document xml = xml(get("/open311/v2/requests/" + id + ".xml").body());
        assertThat(xml.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(id);
        for (String read : List.of(get("/open311/v2/requests/" + id + ".json").body(), get("/open311/v2/requests/" + id + ".xml").body(),
                get("/open311/v2/requests.json?service_code=water-supply").body())) {
            assertThat(read).doesNotContain("Saparova", "aigerim@example.kz", "+77011234567", "Abay", "43.2195");
        }
    }

    @Test
    void givenFilters_whenListingRequests_thenOnlyMatchingOnesAreReturned() {
        JsonNode posted = body(postForm("/open311/v2/requests.json", form(OPEN311_KEY))).get(0);
        String id = posted.get("service_request_id").asString();
        routeToHousing(posted.get("token").asString(), id);

        assertThat(body(get("/open311/v2/requests.json?service_code=water-supply&status=open")).findValuesAsString("service_request_id")).contains(id);
        assertThat(body(get("/open311/v2/requests.json?service_code=roads")).findValuesAsString("service_request_id")).doesNotContain(id);
        assertThat(body(get("/open311/v2/requests.json?status=closed")).findValuesAsString("service_request_id")).doesNotContain(id);
        assertThat(body(get("/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z")).findValuesAsString("service_request_id")).doesNotContain(id);
        assertThat(body(get("/open311/v2/requests.json?service_request_id=" + id + ",ZH-0000-0000-00000")).findValuesAsString("service_request_id"))
                .containsExactly(id);
    }

    @Test
    void givenBadOpen311Requests_whenSent_thenStandardErrorsWith400403And404() throws Exception {
        HttpResponse<String> noKey = postForm("/open311/v2/requests.json", form(null));
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(body(noKey).get(0).get("code").asInt()).isEqualTo(403);

        HttpResponse<String> wrongKey = postForm("/open311/v2/requests.xml", form("guessed"));
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(xml(wrongKey.body()).getElementsByTagName("error").getLength()).isEqualTo(1);

        Map<String, String> noLocation = form(OPEN311_KEY);
        noLocation.remove("lat");
        noLocation.remove("long");
        assertThat(postForm("/open311/v2/requests.json", noLocation).statusCode()).isEqualTo(400);

        Map<String, String> shortText = form(OPEN311_KEY);
        shortText.put("description", "water");
        HttpResponse<String> invalid = postForm("/open311/v2/requests.json", shortText);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(body(invalid).get(0).get("description").asString()).startsWith("text:");

        Map<String, String> unknownService = form(OPEN311_KEY);
        unknownService.put("service_code", "nuclear-plant");
        assertThat(postForm("/open311/v2/requests.json", unknownService).statusCode()).isEqualTo(404);

        assertThat(get("/open311/v2/requests.json?start_date=yesterday").statusCode()).isEqualTo(400);
        String fiftyOneIds = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> String.format("ZH-0000-0000-%05d", i))
                .collect(Collectors.joining(","));
        assertThat(get("/open311/v2/requests.json?service_request_id=" + fiftyOneIds).statusCode()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?service_request_id=" + fiftyOneIds.substring(fiftyOneIds.indexOf(',') + 1))
                .statusCode()).isEqualTo(200);
        assertThat(get("/open311/v2/requests.json?end_date=%2B999999999-12-31T23:59:59Z").statusCode()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?start_date=%2B300000000-01-01T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?status=pending").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get("/open311/v2/requests/ZH-0000-0000-00000.xml");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(xml(unknown.body()).getDocumentElement().getNodeName()).isEqualTo("errors");
        assertThat(get("/open311/v2/services/nuclear-plant.json").statusCode()).isEqualTo(404);
        assertThat(get("/open311/v2/tokens/unknown-token.json").statusCode()).isEqualTo(404);
        assertThat(get("/open311/v2/services.yaml").statusCode()).isEqualTo(404);
    }

    @Test
    void givenTheIndependentNpmOpen311Client_whenItDiscoversPostsAndReadsBack_thenEveryStepSucceeds() throws Exception {
        Assumptions.assumeTrue(commandWorks(List.of("node", "--version")),
                "node is not installed: skipping the independent Open311 client check (install Node.js 18+ to run it)");
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Duration.ofMinutes(3));

        // Routing's part, while the client waits for its request to become public: route what the gateway posted.
        java.util.concurrent.atomic.AtomicBoolean clientDone = new java.util.concurrent.atomic.AtomicBoolean();
        Thread routing = Thread.ofVirtual().start(() -> {
            while (!clientDone.get()) {
                mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("channel").is("open311-gateway")
                                        .and("department").is(null)), AppealStatusView.class)
                        .forEach(view -> publishLifecycle(view.appealId(), view.trackingCode(), 1, LifecycleType.ROUTED,
                                AppealStatus.ROUTED, null, null));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        String output;
        try {
            output = run(List.of("node", "check.js", "http://127.0.0.1:" + port, OPEN311_KEY), Duration.ofMinutes(2));
        } finally {
            clientDone.set(true);
            routing.join();
        }

        JsonNode seen = json.readTree(output.lines().reduce((first, last) -> last).orElseThrow());
        assertThat(seen.get("services").asInt()).isEqualTo(20);
        assertThat(seen.get("status").asString()).isEqualTo("open");
        assertThat(seen.get("personalDataInRead").asBoolean()).isFalse();
        String id = seen.get("serviceRequestId").asString();
        assertThat(records("appeals.submitted")).anySatisfy(r -> assertThat(json.readTree(r.value()).get("trackingCode").asString()).isEqualTo(id));
    }

    @Test
    void givenAnAntiCorruptionReport_whenThePublicReadsOpen311_thenItNeverShowsNorDoesItsSecretOrExactTime() {
        Submitted bribe = submitAs(DEMO_KEY, "В отделе земельных отношений требуют взятку за справку.");
        Submitted water = submitAs(DEMO_KEY, "Нет воды на улице Абая, 12 уже три дня, помогите.");
        awaitPublic(water, false);
        assertThat(listed()).as("nothing shows before routing").doesNotContain(bribe.trackingCode(), water.trackingCode());

        publishLifecycle(bribe.appealId(), bribe.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED,
                "anti-corruption", null, null, null);
        publishLifecycle(water.appealId(), water.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);
        awaitPublic(water, true);
        // Forwarded out of anti-corruption: still never public.
        publishLifecycle(bribe.appealId(), bribe.trackingCode(), 2, LifecycleType.FORWARDED, AppealStatus.ROUTED,
                "akim-office", "anti-corruption", "Не коррупция", null);
        await().untilAsserted(() -> assertThat(get("/api/v1/appeals/" + bribe.trackingCode(), "X-Api-Key", DEMO_KEY).body())
                .contains("akim-office"));

        String list = listed();
        assertThat(list).contains(water.trackingCode()).doesNotContain(bribe.trackingCode(), "anti-corruption");
        assertThat(list).doesNotContain(secretOf(water), secretOf(bribe));
        assertThat(get("/open311/v2/requests.xml").body()).doesNotContain(bribe.trackingCode());
        assertThat(get("/open311/v2/requests/" + bribe.trackingCode() + ".json").statusCode()).isEqualTo(404);
        assertThat(get("/open311/v2/tokens/" + bribe.appealId() + ".json").statusCode()).isEqualTo(404);
        assertThat(body(get("/open311/v2/requests.json?service_request_id=" + bribe.trackingCode()))).isEmpty();
        JsonNode shown = body(get("/open311/v2/requests/" + water.trackingCode() + ".json")).get(0);
        for (String time : List.of("requested_datetime", "updated_datetime", "expected_datetime")) {
            assertThat(shown.get(time).asString()).as(time).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00\\+05:00");
        }
        // The search is to the day too: a window opening after the appeal arrived, on its day, still lists it, so no
        // narrowing of the window finds the minute it came.
        String afterArrival = URLEncoder.encode(java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(5)).toString(),
                StandardCharsets.UTF_8);
        assertThat(get("/open311/v2/requests.json?start_date=" + afterArrival + "&end_date=" + afterArrival).body())
                .contains(water.trackingCode());
    }

    private String listed() {
        return get("/open311/v2/requests.json").body();
    }

    private void awaitPublic(Submitted appeal, boolean shown) {
        await().untilAsserted(() -> {
            assertThat(get("/api/v1/appeals/" + appeal.trackingCode(), "X-Api-Key", DEMO_KEY).statusCode()).isEqualTo(200);
            assertThat(get("/open311/v2/requests/" + appeal.trackingCode() + ".json").statusCode()).isEqualTo(shown ? 200 : 404);
        });
    }

    private static String secretOf(Submitted appeal) {
        return appeal.statusUrl().substring(appeal.statusUrl().lastIndexOf('/') + 1);
    }

    /** What routing does: the request becomes public only once routed. */
    private void routeToHousing(String appealId, String trackingCode) {
        await().untilAsserted(() -> assertThat(mongo.findById(appealId, AppealStatusView.class)).isNotNull());
        publishLifecycle(appealId, trackingCode, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);
        await().untilAsserted(() -> assertThat(get("/open311/v2/requests/" + trackingCode + ".json").statusCode()).isEqualTo(200));
    }

    private static Map<String, String> form(String apiKey) {
        Map<String, String> form = new LinkedHashMap<>();
        if (apiKey != null) {
            form.put("api_key", apiKey);
        }
        form.put("service_code", "water-supply");
        form.put("description", "No cold water on Abay street for three days.");
        form.put("lat", "43.2195");
        form.put("long", "76.8301");
        form.put("first_name", "Aigerim");
        form.put("last_name", "Saparova");
        form.put("email", "aigerim@example.kz");
        form.put("phone", "+77011234567");
        return form;
    }

    @Test
    void givenADepartmentTheDirectoryFlagsConfidential_whenAnAppealIsRoutedThere_thenOpen311NeverShowsIt() {
        // Not a configured code: the directory's flag alone must hide it, as it does in routing and notification.
        send(Topics.DEPARTMENTS_DIRECTORY, "integrity", "integrity:1", EventTypes.DEPARTMENT_CHANGED, new DepartmentChanged(
                "integrity", 1, Map.of(Language.kk, "Адалдық", Language.ru, "Добропорядочность", Language.en, "Integrity"),
                "+7 72770 2-11-99", "integrity@zhambyl-akimat.example.kz", "Узынагаш", null, List.of("corruption"), List.of(),
                true, true, false, "admin", Instant.now()));
        await().until(() -> mongo.findById("integrity", DepartmentRecord.class) != null);
        Submitted report = submitAs(DEMO_KEY, "Мастер участка требует деньги на карту, иначе не подпишет акт.");
        Submitted water = submitAs(DEMO_KEY, "Нет воды на улице Абая, 14 уже два дня, помогите.");
        awaitPublic(water, false);

        publishLifecycle(report.appealId(), report.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED,
                "integrity", null, null, null);
        publishLifecycle(water.appealId(), water.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);
        awaitPublic(water, true);
        await().untilAsserted(() -> assertThat(get("/api/v1/appeals/" + report.trackingCode(), "X-Api-Key", DEMO_KEY).body())
                .contains("integrity"));

        assertThat(listed()).contains(water.trackingCode()).doesNotContain(report.trackingCode());
        assertThat(get("/open311/v2/requests/" + report.trackingCode() + ".json").statusCode()).isEqualTo(404);

        // Routed there before intake read the department's flag (the topics are not ordered): hidden once it does.
        Submitted early = submitAs(DEMO_KEY, "Прораб берёт наличные за приёмку работ без квитанции.");
        awaitPublic(early, false);
        publishLifecycle(early.appealId(), early.trackingCode(), 1, LifecycleType.ROUTED, AppealStatus.ROUTED,
                "integrity-two", null, null, null);
        awaitPublic(early, true);
        send(Topics.DEPARTMENTS_DIRECTORY, "integrity-two", "integrity-two:1", EventTypes.DEPARTMENT_CHANGED, new DepartmentChanged(
                "integrity-two", 1, Map.of(Language.kk, "Адалдық 2", Language.ru, "Добропорядочность 2", Language.en, "Integrity 2"),
                "+7 72770 2-11-98", "integrity2@zhambyl-akimat.example.kz", "Узынагаш", null, List.of("corruption"), List.of(),
                true, true, false, "admin", Instant.now()));
        await().untilAsserted(() -> assertThat(get("/open311/v2/requests/" + early.trackingCode() + ".json").statusCode())
                .isEqualTo(404));
    }

    @Test
    void givenAMultipartPost_whenItsKeyIsInTheQueryString_thenTheKeyCounts_butNeverAsAPartOfTheBody() {
        // The filter reads a multipart body for no key (the container would parse and spool it before the caller is
        // known): the query string's key is read whatever the body.
        String boundary = "hearing-state-test-boundary";
        String body = form(OPEN311_KEY).entrySet().stream()
                .map(e -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                .collect(Collectors.joining()) + "--" + boundary + "--\r\n";
        HttpResponse<String> keyInQuery = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json?api_key=" + OPEN311_KEY))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(keyInQuery.statusCode()).as(keyInQuery.body()).isNotIn(401, 403);

        HttpResponse<String> keyAsAPart = send(HttpRequest.newBuilder(uri("/open311/v2/requests.json")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(keyAsAPart.statusCode()).as(keyAsAPart.body()).isIn(401, 403);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean commandWorks(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command, Duration timeout) throws Exception {
        File log = Files.createTempFile("open311-client", ".log").toFile();
        Process process = new ProcessBuilder(command).directory(CLIENT_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log).start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log.toPath());
        assertThat(finished).as("%s finished in %s: %s", command, timeout, output).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }
}
