package kz.hearingstate.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.testing.BrowserScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The path the README gives a new user, in a real browser on the whole platform ({@link WholePlatform}: Kafka with
 * SASL and ACLs, the MongoDB-wire server, the four service jars): Debian's headless chromium, driven by
 * playwright-core (src/test/browser/journey.test.mjs), takes a citizen from a blank portal form to a tracking code
 * and a private link, education's specialist from the workbench's login to the answer, the citizen back to the
 * answer and a "solved" rating, and the rating to the transparency page. Nothing is simulated: routing classifies
 * the text, every step travels over Kafka. Then the dev mailbox (notification's embedded SMTP server) must hold
 * the registration e-mail with the same private link and the answer e-mail, whose rating link opens a page in the
 * citizen's language. Screenshots of each step go to
 * target/screenshots/journey-*.png.
 */
@ExtendWith(WholePlatform.class)
class CitizenAndDepartmentBrowserEndToEndTest {

    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CITIZEN_NAME_IN_EMAIL = "saparova";
    private static final String CITIZEN_DOMAIN = "@example.kz";
    private static final String CITIZEN_EMAIL = "aigerim." + CITIZEN_NAME_IN_EMAIL + CITIZEN_DOMAIN;

    private final LocalStack stack;

    CitizenAndDepartmentBrowserEndToEndTest(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void givenTheWholePlatform_whenACitizenWritesInThePortalAndEducationAnswersInTheWorkbench_thenTheCitizenReadsAndRatesTheAnswerAndIsMailedIt()
            throws Exception {
        // When the citizen and education's specialist go through it in the browser,
        BrowserScript journey = BrowserScript.run(BROWSER_DIR, "journey.test.mjs", Map.of(
                "INTAKE_URL", stack.baseUrlOf(StackService.INTAKE),
                "ROUTING_URL", stack.baseUrlOf(StackService.ROUTING),
                "ANALYTICS_URL", stack.baseUrlOf(StackService.ANALYTICS),
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(),
                "CITIZEN_EMAIL", CITIZEN_EMAIL), Duration.ofMinutes(5));
        System.out.println(journey.output());

        // then every check of the browser passed, and each step left its screenshot;
        assertThat(journey.exitCode()).as(journey.output()).isZero();
        assertThat(journey.output()).contains("journey: all checks passed");
        for (String step : List.of("1-portal-form", "2-portal-submitted", "3-workbench-inbox", "4-workbench-answered",
                "5-portal-answer", "6-portal-rated", "7-transparency")) {
            assertThat(SCREENSHOTS.resolve("journey-" + step + ".png")).exists();
        }

        // and the dev mailbox holds the citizen's e-mails: the registration with the private link, and the answer.
        String trackingCode = printed(journey, "tracking-code");
        String privateLink = printed(journey, "private-link");
        String answer = printed(journey, "answer");
        String mailbox = stack.baseUrlOf(StackService.NOTIFICATION) + "/api/v1/dev/mailbox";
        List<JsonNode> toTheCitizen = await("the answer e-mail of " + trackingCode).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> StreamSupport.stream(JsonHttp.get(mailbox, "X-Api-Key", LocalStack.DEMO_OPERATOR_KEY).spliterator(), false)
                        .filter(mail -> mail.path("subject").asString().contains(trackingCode)
                                && mail.path("to").asString().endsWith(CITIZEN_DOMAIN)).toList(),
                        mails -> mails.stream().anyMatch(mail -> mail.path("body").asString().contains(answer)));
        assertThat(toTheCitizen).as("the mailbox lists the citizen's address masked")
                .allSatisfy(mail -> assertThat(mail.path("to").asString()).doesNotContain(CITIZEN_NAME_IN_EMAIL));
        assertThat(toTheCitizen).filteredOn(mail -> mail.path("body").asString().contains(privateLink))
                .as("the registration e-mail, with the private link the portal showed").hasSize(1);
        assertThat(toTheCitizen).filteredOn(mail -> mail.path("body").asString().contains(answer))
                .as("the answer e-mail").hasSize(1);

        // And the answer e-mail's rating link opens a page in the citizen's language that leads to the private link
        // (the tracking code alone opens nothing), not a problem document.
        String answerMail = toTheCitizen.stream().map(mail -> mail.path("body").asString()).filter(body -> body.contains(answer))
                .findFirst().orElseThrow();
        Matcher ratingLink = Pattern.compile("https?://\\S+/feedback\\?lang=ru").matcher(answerMail);
        assertThat(ratingLink.find()).as("a rating link in the citizen's language in %s", answerMail).isTrue();
        // A browser set to English: the page is in the message's language, which the link names.
        HttpResponse<String> ratingPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ratingLink.group()))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(ratingPage.statusCode()).as(ratingPage.body()).isEqualTo(200);
        assertThat(ratingPage.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(ratingPage.body()).contains("личную ссылку");
    }

    /** A value the script printed as {@code journey <name>=<value>}. */
    private static String printed(BrowserScript script, String name) {
        String prefix = "journey " + name + "=";
        return script.output().lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("the script printed no " + prefix));
    }
}
