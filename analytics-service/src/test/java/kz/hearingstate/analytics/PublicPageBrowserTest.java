package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.feedback;
import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.testing.BrowserScript;
import org.junit.jupiter.api.Test;

/**
 * The transparency page in a real browser: Debian's headless chromium driven by playwright-core
 * (src/test/browser/public-page.test.mjs) against this service on its random port, after a seeded scenario.
 * The script checks the page against the API, the language switch, keyboard focus, that nothing is loaded
 * from outside and that no personal data shows; it writes target/screenshots/public-page.png.
 */
class PublicPageBrowserTest extends AnalyticsIntegrationTest {

    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    private static final Path SCREENSHOT = Path.of("target/screenshots/public-page.png");
    private static final String PERIOD = "from=2025-10-01&to=2026-01-01";

    @Test
    void givenASeededScenario_whenThePublicPageIsOpenedInChromium_thenItShowsTheApiFiguresInEveryLanguage() throws Exception {
        givenDepartmentsAndAppealsFromTheLastQuarterOf2025();

        Files.deleteIfExists(SCREENSHOT);
        BrowserScript run = BrowserScript.run(BROWSER_DIR, "public-page.test.mjs", Map.of(
                "BASE_URL", baseUrl(),
                "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString(),
                "DEPARTMENTS", Arrays.stream(DIRECTORY).map(d -> d[0]).collect(Collectors.joining(",")),
                "FORBIDDEN", String.join("|", TestEvents.CITIZEN_NAME, TestEvents.CITIZEN_IIN, TestEvents.CITIZEN_PHONE,
                        TestEvents.CITIZEN_EMAIL, TestEvents.APPEAL_TEXT, TestEvents.STREET_ADDRESS, "admin.beisenova")),
                Duration.ofSeconds(120));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("public page: all checks passed");
        assertThat(SCREENSHOT).exists();
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(20_000);
    }

    /** The ten departments of the district's directory: code, kk, ru, en, phone, internal, confidential. */
    static final String[][] DIRECTORY = {
            {"housing-utilities", "Тұрғын үй-коммуналдық шаруашылығы бөлімі", "Отдел жилищно-коммунального хозяйства", "Housing and Utilities Department", "+7 72770 2-11-01", "true", "false"},
            {"roads-transport", "Жолаушылар көлігі және автомобиль жолдары бөлімі", "Отдел пассажирского транспорта и автомобильных дорог", "Roads and Passenger Transport Department", "+7 72770 2-11-02", "true", "false"},
            {"education", "Білім бөлімі", "Отдел образования", "Education Department", "+7 72770 2-11-03", "true", "false"},
            {"health", "Аудандық денсаулық сақтау үйлестірушісі", "Районный координатор здравоохранения", "Health Care Coordination", "+7 72770 2-11-04", "true", "false"},
            {"social-protection", "Жұмыспен қамту және әлеуметтік бағдарламалар бөлімі", "Отдел занятости и социальных программ", "Employment and Social Programmes Department", "+7 72770 2-11-05", "true", "false"},
            {"land-construction", "Жер қатынастары, сәулет және құрылыс бөлімі", "Отдел земельных отношений, архитектуры и строительства", "Land Relations, Architecture and Construction Department", "+7 72770 2-11-06", "true", "false"},
            {"agriculture", "Ауыл шаруашылығы және ветеринария бөлімі", "Отдел сельского хозяйства и ветеринарии", "Agriculture and Veterinary Department", "+7 72770 2-11-07", "true", "false"},
            {"public-order", "Жамбыл аудандық полиция бөлімі (сыртқы орган)", "Жамбылский районный отдел полиции (внешний орган)", "Zhambyl District Police Department (outside body)", "+7 72770 2-02-02", "false", "false"},
            {"anti-corruption", "Сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі уәкіл (құпия)", "Уполномоченный по противодействию коррупции (конфиденциально)", "Anti-Corruption Officer (confidential)", "+7 72770 2-11-09", "true", "true"},
            {"akim-office", "Аудан әкімінің аппараты", "Аппарат акима района", "District Akim's Office", "+7 72770 2-11-10", "true", "false"},
    };

    private void givenDepartmentsAndAppealsFromTheLastQuarterOf2025() {
        Instant at = Instant.parse("2025-10-01T04:00:00Z");
        // Internal departments (all but the police) are public departments too: their contacts are for citizens.
        for (String[] d : DIRECTORY) {
            send(TestEvents.department(d[0], 1, d[1], d[2], d[3], d[4], Boolean.parseBoolean(d[5]),
                    Boolean.parseBoolean(d[6]), at));
        }
        send(TestEvents.settlements(1, at));
        // The directory read before the appeals come: an appeal whose department is not read yet counts in no hotspot
        // (HotspotDetector: unknown is not "not confidential"), and the directory's consumer is a thread of its own.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                getJson("/api/v1/public/departments").findValuesAsString("code")).contains("housing-utilities"));
        String[][] appeals = {
                {"page-1", "roads-transport", "roads", "Uzynagash", "2025-10-06T04:00:00Z", "20"},
                {"page-2", "roads-transport", "roads", "Samsy", "2025-10-13T05:00:00Z", "300"},
                {"page-3", "housing-utilities", "water-supply", "Uzynagash", "2025-11-04T06:00:00Z", "30"},
                {"page-4", "housing-utilities", "heating", "Karakastek", "2025-11-18T03:00:00Z", "50"},
                {"page-5", "housing-utilities", "street-lighting", "Uzynagash", "2025-12-02T04:00:00Z", "8"},
                {"page-6", "housing-utilities", "water-supply", "Mynbaev", "2025-12-16T05:00:00Z", null},
        };
        for (String[] appeal : appeals) {
            String id = appeal[0];
            Instant received = Instant.parse(appeal[4]);
            Instant deadline = received.plus(Duration.ofDays(10));
            send(submitted(id, "web", Language.ru, null, appeal[3], null, null, received, deadline));
            send(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, appeal[1], appeal[2], deadline,
                    received.plus(Duration.ofMinutes(5))));
            if (appeal[5] != null) {
                Instant answered = received.plus(Duration.ofHours(Long.parseLong(appeal[5])));
                send(lifecycle(id, 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, appeal[1], null, null, answered));
                send(feedback(id + "-rating", id, appeal[5].length() == 3 ? 2 : 5, appeal[5].length() < 3,
                        answered.plus(Duration.ofDays(1))));
            }
        }
        // A current surge: five heating appeals in Samsy within an hour this morning, sent at once, so they may
        // be processed in any order across partitions; the hotspot must still be found and shown.
        Instant surge = Instant.parse("2026-03-20T03:00:00Z");
        for (int i = 1; i <= 5; i++) {
            String id = "page-heating-" + i;
            Instant received = surge.plus(Duration.ofMinutes(12L * i));
            send(submitted(id, "sms", Language.kk, null, "Samsy", null, null, received, received.plus(Duration.ofDays(15))));
            send(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "housing-utilities", "heating",
                    received.plus(Duration.ofDays(15)), received.plus(Duration.ofMinutes(2))));
        }
        // A surge whose settlement field holds a citizen's name and phone number: routing names it "other", and
        // the page shows the appeals' area, never the text.
        for (int i = 1; i <= 5; i++) {
            String id = "page-waste-" + i;
            Instant received = surge.plus(Duration.ofMinutes(10L * i));
            send(submitted(id, "web", Language.ru, null, TestEvents.CITIZEN_NAME + " " + TestEvents.CITIZEN_PHONE,
                    43.18, 76.62, received, received.plus(Duration.ofDays(15))));
            send(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "housing-utilities", "waste",
                    received.plus(Duration.ofDays(15)), received.plus(Duration.ofMinutes(2))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(getJson("/api/v1/stats/hotspots").findValuesAsString("category")).contains("heating", "waste");
            assertThat(getJson("/api/v1/public/settlements").findValuesAsString("code")).contains("samsy");
            var summary = getJson("/api/v1/stats/summary?" + PERIOD);
            assertThat(summary.at("/figures/received").asInt()).isEqualTo(6);
            assertThat(summary.at("/figures/satisfaction/feedbackCount").asInt()).isEqualTo(5);
            assertThat(getJson("/api/v1/public/departments").findValuesAsString("code"))
                    .containsAll(Arrays.stream(DIRECTORY).map(d -> d[0]).toList());
        });
    }
}
