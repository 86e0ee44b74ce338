package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.routing.classification.CorrectionStore;
import kz.hearingstate.routing.classification.RoutingCorrection;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import kz.hearingstate.testing.BrowserScript;
import kz.hearingstate.testing.TopicRecorder.Recorded;
import kz.hearingstate.routing.workflow.AppealStore;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The workbench in a real browser: Debian's headless chromium driven by playwright-core
 * (src/test/browser/workbench.test.mjs) against the whole service on its random port, with the embedded
 * broker and the MongoDB-wire server. One browser, every scenario: an appeal published to appeals.submitted
 * appears in the education specialist's open inbox; the specialist accepts it (a second tab is then stale and
 * refused) and answers in Kazakh, which goes out as appeal.answered; housing-utilities sees it neither in its
 * list nor by URL; the triage desk routes a low-confidence appeal (kept as a correction); a month later the
 * akim sees it overdue, and the anti-corruption appeal only as a deadline (neither the akim, the triage desk nor the
 * admin can open it by URL); the officer's view of it is audited.
 * Screenshots of each screen go to target/screenshots/workbench-*.png.
 */
class WorkbenchBrowserTest extends RoutingIntegrationTest {

    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Instant START = Instant.parse("2026-12-01T05:00:00Z"); // Tuesday 10:00 in Almaty
    private static final String CONFIDENTIAL_TEXT = "Жер учаскесін ресімдеу үшін әкімдік қызметкері менен пара сұрады.";

    @Autowired
    AppealStore appeals;
    @Autowired
    CorrectionStore corrections;
    @Autowired
    ConfidentialViewStore audit;

    @Test
    void givenTheWorkbench_whenStaffOfEachRoleUseItInChromium_thenEachSeesAndDoesExactlyWhatTheRoleAllows() throws Exception {
        CLOCK.set(START);
        try {
            AppealSubmitted unsure = Appeals.submitted(UUID.randomUUID().toString(),
                    "Помогите, пожалуйста, разобраться с вопросом возле моего дома.", Language.ru, false, null, "Kaskelen",
                    CLOCK.instant());
            AppealSubmitted corruption = Appeals.submitted(UUID.randomUUID().toString(), CONFIDENTIAL_TEXT, Language.kk,
                    false, null, "Узынагаш", CLOCK.instant());
            submit(unsure);
            submit(corruption);
            assertThat(awaitEvents(unsure.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst().topic())
                    .isEqualTo(Topics.departmentInbox("akim-office"));
            assertThat(appeals.find(unsure.appealId()).orElseThrow().triage()).isTrue();
            assertThat(awaitEvents(corruption.appealId(), EventTypes.APPEAL_ASSIGNED, 1).getFirst().topic())
                    .isEqualTo(Topics.departmentInbox("anti-corruption"));

            BrowserScript.installDependencies(BROWSER_DIR);
            ProcessBuilder script = new ProcessBuilder("node", "workbench.test.mjs").directory(BROWSER_DIR.toFile())
                    .redirectErrorStream(true);
            script.environment().put("BASE_URL", "http://127.0.0.1:" + port);
            script.environment().put("SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString());
            script.environment().put("TRIAGE_ID", unsure.appealId());
            script.environment().put("CONFIDENTIAL_ID", corruption.appealId());
            script.environment().put("CONFIDENTIAL_TRACKING", corruption.trackingCode());
            script.environment().put("CONFIDENTIAL_TEXT", CONFIDENTIAL_TEXT);
            Process process = script.start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    Writer replies = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
                for (String line = lines.readLine(); line != null && Instant.now().isBefore(giveUp); line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("STEP ")) {
                        replies.write(answer(line.substring(5).split(" ")) + "\n");
                        replies.flush();
                    }
                }
            } finally {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            System.out.println(output);
            assertThat(process.exitValue()).as(output.toString()).isZero();
            assertThat(output).contains("workbench: all checks passed");
            for (String screen : List.of("login", "inbox", "appeal", "triage", "office", "anti-corruption")) {
                assertThat(SCREENSHOTS.resolve("workbench-" + screen + ".png")).exists();
            }
        } finally {
            CLOCK.set(START);
        }
    }

    /** What the Java side does at each step the browser script asks for: "ok <data>" or "fail <why>". */
    private String answer(String[] step) {
        try {
            return switch (step[0]) {
                case "publish-education" -> {
                    AppealSubmitted appeal = Appeals.submitted(UUID.randomUUID().toString(),
                            "Мектеп автобусы балаларды сабаққа апармайды, аялдамада бір сағат күтеміз.", Language.kk, false,
                            "schools", "Узынагаш", CLOCK.instant());
                    submit(appeal);
                    yield "ok " + appeal.appealId() + " " + appeal.trackingCode();
                }
                case "answered" -> {
                    Recorded answered = awaitEvents(step[1], LifecycleType.ANSWERED.eventType(), 1).getFirst();
                    JsonNode event = body(answered);
                    assertThat(event.get("answer").asString()).startsWith("Құрметті азамат!");
                    assertThat(event.get("actor").asString()).isEqualTo("education/education");
                    yield "ok";
                }
                case "routed" -> {
                    await().atMost(Duration.ofSeconds(10)).until(() -> "health".equals(appeals.find(step[1]).orElseThrow().department()));
                    List<RoutingCorrection> kept = corrections.all().stream().filter(c -> c.appealId().equals(step[1])).toList();
                    assertThat(kept).singleElement().satisfies(c -> {
                        assertThat(c.department()).isEqualTo("health");
                        assertThat(c.correctedBy()).isEqualTo("akim-office/triage");
                    });
                    yield "ok " + appeals.find(step[1]).orElseThrow().submitted().trackingCode();
                }
                case "month-passes" -> {
                    CLOCK.advance(Duration.ofDays(30));
                    await().atMost(Duration.ofSeconds(20)).until(() -> appeals.atRisk(0, 200).stream()
                            .map(RoutedAppeal::appealId).anyMatch(step[1]::equals));
                    yield "ok";
                }
                case "audited" -> {
                    assertThat(audit.viewsOf(step[1])).singleElement().satisfies(view -> {
                        assertThat(view.username()).isEqualTo(step[2]);
                        assertThat(view.role()).isEqualTo(StaffRole.ANTI_CORRUPTION);
                    });
                    yield "ok";
                }
                default -> "fail unknown step " + step[0];
            };
        } catch (AssertionError | RuntimeException e) {
            return "fail " + e.getMessage().replace('\n', ' ');
        }
    }
}
