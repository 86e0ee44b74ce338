package kz.hearingstate.routing.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.hearingstate.events.Language;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP API's side of the corruption detector's review band: only anti-corruption learns that an appeal was a
 * suspected report, or its score. The admin sees the band appeal's state without its triage flag or score; once
 * the officer forwards it, the receiving department sees neither the detector's reason nor where it came from.
 */
class ReviewBandApiIntegrationTest extends RoutingIntegrationTest {

    private static final Reason BAND_REASON = Reason.corruptionReview(0.19, 0.15, 0.24);

    @Autowired
    AppealStore appeals;
    @Autowired
    AppealWorkflow workflow;

    @Test
    void givenABandAppeal_whenOthersReadItBeforeAndAfterTheOfficerForwardsIt_thenNoneLearnsItWasASuspectedReport() {
        RoutedAppeal band = workflow.route(Appeals.submitted(UUID.randomUUID().toString(),
                        "Мектепте жылу жоқ, директорға жөндеуге ақша бердік.", Language.kk, false, null, "Узынагаш", CLOCK.instant()),
                new RoutingDecision("anti-corruption", "education", null, 0.19, true, false, BAND_REASON,
                        List.of(new RoutingDecision.Candidate("education", 0.62), new RoutingDecision.Candidate("health", 0.2))),
                CLOCK.instant());
        appeals.insertAll(List.of(band));
        appeals.publishPending(band);
        String path = "/api/v1/appeals/" + band.appealId();

        JsonNode officer = json(get(path, departmentKey("anti-corruption")));
        assertThat(officer.get("triage").asBoolean()).isTrue();
        assertThat(officer.get("routingReason").asString()).isEqualTo(BAND_REASON.text());
        JsonNode admin = json(get(path, ADMIN_KEY));
        assertThat(admin.get("triage").asBoolean()).isFalse();
        assertThat(admin.get("confidence").asDouble()).isZero();
        assertThat(admin.toString()).doesNotContain("0.19", "corruption detector", "education");
        HttpResponse<String> education = get(path, departmentKey("education"));
        HttpResponse<String> missing = get("/api/v1/appeals/" + UUID.randomUUID(), departmentKey("education"));
        assertThat(education.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());

        HttpResponse<String> forwarded = post(path + "/actions", departmentKey("anti-corruption"), Map.of("action", "FORWARD",
                "targetDepartment", "education", "reason", "Forwarded to the department responsible for the question."));
        assertThat(forwarded.statusCode()).isEqualTo(200);

        HttpResponse<String> received = get(path, departmentKey("education"));
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(json(received).get("routingReason").asString()).isEqualTo("Forwarded to the department responsible for the question.");
        JsonNode previous = json(received).get("previousDepartment");
        assertThat(previous == null || previous.isNull()).as("previousDepartment %s", previous).isTrue();
        assertThat(received.body()).doesNotContain("anti-corruption", "0.19", "corruption detector");
        assertThat(json(get("/api/v1/departments/education/appeals?size=200", departmentKey("education"))).toString())
                .doesNotContain("anti-corruption", "corruption detector");
    }
}
