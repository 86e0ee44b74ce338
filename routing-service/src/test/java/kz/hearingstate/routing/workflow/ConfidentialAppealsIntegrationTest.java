package kz.hearingstate.routing.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * A bribe reported to the anti-corruption officer, whose department the directory flags confidential:
 * once its deadline nears, the akim's office sees it in the at-risk list as a count and a deadline only,
 * and the admin sees its state without text, citizen or place. Its own department sees all of it. No log line
 * ties it to anti-corruption.
 */
class ConfidentialAppealsIntegrationTest extends RoutingIntegrationTest {

    private static final LegalClock LEGAL_CLOCK = LegalClock.kazakhstan();
    private static final String BRIBE = "Инспектор потребовал взятку за справку о составе семьи, прошу разобраться";

    @Test
    void givenAnAtRiskAntiCorruptionAppeal_whenTheAkimsOfficeAndTheAdminLook_thenTheySeeCountsDeadlinesAndStateOnly() {
        AppealSubmitted bribe = Appeals.submitted(BRIBE, Language.ru, CLOCK.instant());
        submit(bribe);
        JsonNode routed = body(awaitEvents(bribe.appealId(), LifecycleType.ROUTED.eventType(), 1).getFirst());
        assertThat(routed.get("department").asString()).isEqualTo("anti-corruption");
        Instant deadline = Instant.parse(routed.get("deadline").asString());
        Instant warning = LEGAL_CLOCK.warningAt(deadline, 2).plus(Duration.ofMinutes(1));
        if (CLOCK.instant().isBefore(warning)) {
            CLOCK.set(warning);
        }
        awaitEvents(bribe.appealId(), LifecycleType.SLA_WARNING.eventType(), 1);

        var atRisk = get("/api/v1/appeals/at-risk?size=200", departmentKey("akim-office"));
        assertThat(atRisk.statusCode()).isEqualTo(200);
        // Other departments' at-risk appeals are listed with what they are about (their citizens masked); nothing of
        // this one is.
        assertThat(atRisk.body()).doesNotContain(bribe.appealId(), "взятку", bribe.trackingCode());
        assertThat(json(atRisk).get("items").findValuesAsString("department")).doesNotContain("anti-corruption");
        JsonNode confidential = json(atRisk).get("confidential");
        assertThat(confidential.findValuesAsString("department")).containsExactly("anti-corruption");
        assertThat(confidential.get(0).get("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(confidential.get(0).get("deadlines").valueStream().map(JsonNode::asString)).contains(deadline.toString());

        for (String path : new String[] {"/api/v1/appeals/" + bribe.appealId(), "/api/v1/departments/anti-corruption/appeals?size=200"}) {
            var asAdmin = get(path, ADMIN_KEY);
            assertThat(asAdmin.statusCode()).isEqualTo(200);
            assertThat(asAdmin.body()).as(path).doesNotContain("взятку", "Test Citizen", "900101300000", "Узынагаш",
                    bribe.trackingCode());
        }
        var asOfficer = get("/api/v1/appeals/" + bribe.appealId(), departmentKey("anti-corruption"));
        assertThat(json(asOfficer).get("text").asString()).isEqualTo(BRIBE);
        assertThat(json(asOfficer).at("/citizen/fullName").asString()).isEqualTo("Test Citizen");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void givenACorruptionReport_whenRouted_thenNoLogLineTiesItToAntiCorruption(CapturedOutput output) {
        AppealSubmitted bribe = Appeals.submitted(BRIBE, Language.ru, CLOCK.instant());
        submit(bribe);
        awaitEvents(bribe.appealId(), LifecycleType.ROUTED.eventType(), 1);

        List<String> aboutIt = output.getAll().lines()
                .filter(line -> line.contains(bribe.appealId()) || line.contains(bribe.trackingCode())).toList();
        assertThat(aboutIt).as("the service's own lines about the appeal, at debug level").isNotEmpty()
                .noneMatch(line -> line.toLowerCase(Locale.ROOT).matches(".*(corruption|confidential|взятк|safety rule).*"));
    }
}
