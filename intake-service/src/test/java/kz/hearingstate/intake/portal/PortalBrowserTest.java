package kz.hearingstate.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.testing.BrowserScript;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The portal in a real browser: Debian's headless chromium driven by playwright-core
 * (src/test/browser/portal.test.mjs) against intake on its random port, with the real broker and the
 * MongoDB-wire server, in kk, ru and en. Routing and the department are played here, by publishing their
 * lifecycle events to {@code appeals.lifecycle} between the script's steps (routed and information requested;
 * answered; reopened after "not solved"); what the portal publishes is read back from the topics. Writes
 * target/screenshots/portal-*.png (the README's copies are in docs/screenshots).
 */
class PortalBrowserTest extends IntakeIntegrationTest {

    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    /** target/screenshots; {@code -Dportal.screenshots=../docs/screenshots} refreshes the README's pictures. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("portal.screenshots", "target/screenshots"));
    private static final Instant DEADLINE = Instant.parse("2027-01-20T13:00:00Z");
    private static final String DEPARTMENT = "housing-utilities";

    @Autowired
    AppealStatusStore store;
    @Autowired
    PortalProperties portal;

    @Test
    void givenTheDirectory_whenACitizenSubmitsTracksRepliesAndRatesInEachLanguage_thenEveryStepShowsAndReachesKafka()
            throws Exception {
        givenTheHousingDepartmentInTheDirectory();
        Path handshake = Files.createTempDirectory("portal-handshake");
        BrowserScript.installDependencies(BROWSER_DIR);
        ProcessBuilder script = new ProcessBuilder("node", "portal.test.mjs").directory(BROWSER_DIR.toFile())
                .redirectErrorStream(true);
        script.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        script.environment().put("HANDSHAKE", handshake.toString());
        script.environment().put("SCREENSHOTS", SCREENSHOTS.toAbsolutePath().normalize().toString());
        script.environment().put("TRANSPARENCY", portal.transparencyUrl().toString());
        File log = File.createTempFile("portal-browser", ".log");
        script.redirectOutput(log);
        Process process = script.start();
        try {
            JsonNode submitted = awaitStep(handshake, "submitted", process, log);
            List<String> named = new ArrayList<>();
            for (String lang : List.of("kk", "ru", "en")) {
                named.add(submitted.at("/submitted/" + lang + "/code").asString());
                thenOnAppealsSubmittedFromThePortal(submitted.at("/submitted/" + lang + "/code").asString(), false);
                thenOnAppealsSubmittedFromThePortal(submitted.at("/anonymous/" + lang).asString(), true);
            }
            for (String code : named) {
                AppealStatusView appeal = await().atMost(Duration.ofSeconds(20))
                        .until(() -> store.findByTrackingCode(code), java.util.Optional::isPresent).orElseThrow();
                publish(appeal, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, null, null);
                publish(appeal, 2, LifecycleType.INFO_REQUESTED, AppealStatus.INFO_REQUESTED,
                        "Please give the house number: No. 12 or 14?", null);
                awaitStatus(code, AppealStatus.INFO_REQUESTED);
            }
            go(handshake, "submitted");

            awaitStep(handshake, "replied", process, log);
            for (String code : named) {
                AppealStatusView appeal = store.findByTrackingCode(code).orElseThrow();
                assertThat(feedbackOf(appeal.appealId(), EventTypes.CITIZEN_REPLIED)).hasSize(1);
                publish(appeal, 3, LifecycleType.INFO_PROVIDED, AppealStatus.IN_PROGRESS, null, null);
                publish(appeal, 4, LifecycleType.ANSWERED, AppealStatus.ANSWERED, null,
                        "The pipe on Abay street was repaired on 4 December; water is back.");
                awaitStatus(code, AppealStatus.ANSWERED);
            }
            go(handshake, "replied");

            awaitStep(handshake, "rated", process, log);
            for (String code : named) {
                AppealStatusView appeal = store.findByTrackingCode(code).orElseThrow();
                List<ConsumerRecord<String, byte[]>> ratings = feedbackOf(appeal.appealId(), EventTypes.APPEAL_FEEDBACK);
                assertThat(ratings).hasSize(1);
                JsonNode rating = json.readTree(ratings.getFirst().value());
                assertThat(rating.get("solved").asBoolean()).isFalse();
                assertThat(rating.get("rating").asInt()).isEqualTo(2);
                // What routing does with "not solved": the appeal is reopened.
                publish(appeal, 5, LifecycleType.REOPENED, AppealStatus.ROUTED,
                        "the citizen reports the problem is not solved (rating 2)", null);
                awaitStatus(code, AppealStatus.ROUTED);
            }
            go(handshake, "rated");

            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script ends").isTrue();
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("portal: all checks passed");
            for (String name : List.of("portal-form.png", "portal-form-error.png", "portal-status.png")) {
                assertThat(Files.size(SCREENSHOTS.resolve(name))).as(name).isGreaterThan(20_000);
            }
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log.toPath());
        }
    }

    private void givenTheHousingDepartmentInTheDirectory() {
        DepartmentChanged housing = new DepartmentChanged(DEPARTMENT, 1,
                Map.of(Language.kk, "Тұрғын үй-коммуналдық шаруашылығы бөлімі", Language.ru, "Отдел жилищно-коммунального хозяйства",
                        Language.en, "Housing and Utilities Department"),
                "+7 72770 2-11-01", "housing-utilities@zhambyl-akimat.example.kz", "Узынагаш, ул. Д. Рысбекова, 9",
                Map.of(Language.kk, "Ұзынағаш ауылы, Д. Рысбеков көшесі, 9", Language.ru, "с. Узынагаш, ул. Д. Рысбекова, 9",
                        Language.en, "9 D. Rysbekov Street, Uzynagash"),
                List.of("water-supply"), List.of("Узынагаш", "Каракастек"), true, false, false, "admin", Instant.now());
        send(Topics.DEPARTMENTS_DIRECTORY, DEPARTMENT, DEPARTMENT + ":1", EventTypes.DEPARTMENT_CHANGED, housing);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/portal").body().contains("Каракастек"));
    }

    private void thenOnAppealsSubmittedFromThePortal(String trackingCode, boolean anonymous) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(records(Topics.APPEALS_SUBMITTED).stream()
                .map(record -> json.readTree(record.value()))
                .filter(event -> trackingCode.equals(event.get("trackingCode").asString())))
                .singleElement().satisfies(event -> {
                    assertThat(event.get("channel").asString()).isEqualTo("citizen-portal");
                    assertThat(event.get("anonymous").asBoolean()).isEqualTo(anonymous);
                    assertThat(event.get("citizen") == null || event.get("citizen").isNull()).isEqualTo(anonymous);
                }));
    }

    private List<ConsumerRecord<String, byte[]>> feedbackOf(String appealId, String type) {
        return records(Topics.APPEALS_FEEDBACK).stream()
                .filter(record -> appealId.equals(record.key()) && type.equals(header(record, CloudEventHeaders.TYPE)))
                .toList();
    }

    private void awaitStatus(String code, AppealStatus status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> store.findByTrackingCode(code).map(AppealStatusView::status).orElse(null) == status);
    }

    private void publish(AppealStatusView appeal, long sequence, LifecycleType type, AppealStatus status, String reason,
            String answer) {
        send(Topics.APPEALS_LIFECYCLE, appeal.appealId(), appeal.appealId() + ":" + sequence, type.eventType(),
                new AppealLifecycleEvent(appeal.appealId(), appeal.trackingCode(), sequence, type, status, DEPARTMENT, null,
                        "water-supply", 0.9, actorOf(type, DEPARTMENT), reason, answer, null, DEADLINE,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    private JsonNode awaitStep(Path handshake, String step, Process process, File log) throws Exception {
        Path file = handshake.resolve(step + ".json");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > until) {
                throw new AssertionError("The browser script did not reach step " + step + ":\n"
                        + Files.readString(log.toPath(), StandardCharsets.UTF_8));
            }
            Thread.sleep(200);
        }
        Thread.sleep(100); // written in one call; let it finish
        return json.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void go(Path handshake, String step) throws IOException {
        Files.writeString(handshake.resolve(step + ".go"), "go");
    }
}
