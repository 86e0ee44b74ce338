package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import kz.hearingstate.routing.workflow.AppealStore;
import kz.hearingstate.routing.workflow.AppealWorkflow;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.testing.BrowserScript;
import kz.hearingstate.testing.TopicRecorder.Recorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The anti-corruption inbox's review band in a real browser: Debian's headless chromium driven by playwright-core
 * (src/test/browser/review-band.test.mjs) against the whole service, with the embedded broker and the MongoDB-wire
 * server. Two anti-corruption appeals are stored as routing stores them (the classifier's decisions are given, so
 * the test does not depend on the model's scores): one in the corruption detector's review band, one found by a
 * safety rule. The triage desk and education cannot open the first; the officer sees it marked with the model's
 * suggestions and forwards it to education with one keystroke, through the workflow; education then sees it with
 * nothing of its time at anti-corruption. Screenshots go to target/screenshots/workbench-review-band-*.png.
 */
class ReviewBandBrowserTest extends RoutingIntegrationTest {

    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Instant START = Instant.parse("2026-12-01T05:00:00Z"); // Tuesday 10:00 in Almaty

    @Autowired
    AppealStore appeals;
    @Autowired
    AppealWorkflow workflow;

    @Test
    void givenABandAppealAtAntiCorruption_whenTheOfficerForwardsItInChromium_thenOnlyTheOfficerEverSawItWasASuspectedReport() {
        CLOCK.set(START);
        RoutedAppeal band = store(Appeals.submitted(UUID.randomUUID().toString(),
                "Мектепте жылу жоқ. Директорға жөндеу үшін ақша жинап бердік, бірақ ештеңе өзгерген жоқ.", Language.kk, false,
                null, "Узынагаш", CLOCK.instant()),
                new RoutingDecision("anti-corruption", "education", null, 0.19, true, false,
                        Reason.corruptionReview(0.19, 0.15, 0.24),
                        List.of(new RoutingDecision.Candidate("education", 0.62), new RoutingDecision.Candidate("housing-utilities", 0.21),
                                new RoutingDecision.Candidate("health", 0.09))));
        RoutedAppeal report = store(Appeals.submitted(UUID.randomUUID().toString(),
                "Жер учаскесін ресімдеу үшін әкімдік қызметкері менен пара сұрады.", Language.kk, false, null, "Узынагаш",
                CLOCK.instant()),
                new RoutingDecision("anti-corruption", "anti-corruption", null, 1.0, false, false, Reason.safetyCorruption()));

        BrowserScript script = BrowserScript.run(BROWSER_DIR, "review-band.test.mjs", Map.of(
                "BASE_URL", "http://127.0.0.1:" + port,
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(),
                "BAND_ID", band.appealId(),
                "BAND_TRACKING", band.submitted().trackingCode(),
                "REPORT_ID", report.appealId()), Duration.ofMinutes(4));
        System.out.println(script.output());

        assertThat(script.exitCode()).as(script.output()).isZero();
        assertThat(script.output()).contains("review band: all checks passed");
        RoutedAppeal forwarded = appeals.find(band.appealId()).orElseThrow();
        assertThat(forwarded.department()).isEqualTo("education");
        assertThat(forwarded.triage()).isFalse();
        assertThat(forwarded.routingReason()).doesNotContainIgnoringCase("corruption");
        // Through the workflow: a ROUTED event by the officer, and the appeal in education's inbox topic.
        // (Only the order within one topic is guaranteed, so the records are looked up, not taken by position.)
        List<Recorded> routed = awaitEvents(band.appealId(), LifecycleType.ROUTED.eventType(), 2);
        assertThat(routed).extracting(record -> body(record).get("actor").asString()).contains("anti-corruption/anti-corruption");
        assertThat(awaitEvents(band.appealId(), EventTypes.APPEAL_ASSIGNED, 2)).extracting(Recorded::topic)
                .containsExactlyInAnyOrder(Topics.departmentInbox("anti-corruption"), Topics.departmentInbox("education"));
        for (String screen : List.of("inbox", "appeal", "forwarded", "received")) {
            assertThat(SCREENSHOTS.resolve("workbench-review-band-" + screen + ".png")).exists();
        }
    }

    /** Stores the appeal as routing would have routed it with this decision, and publishes its events. */
    private RoutedAppeal store(AppealSubmitted submitted, RoutingDecision decision) {
        RoutedAppeal routed = workflow.route(submitted, decision, CLOCK.instant());
        appeals.insertAll(List.of(routed));
        appeals.publishPending(routed);
        return routed;
    }
}
