package kz.hearingstate.intake.submission;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.intake.IntakeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionIntegrationTest extends IntakeIntegrationTest {

    @Autowired
    AdmissionGate gate;
    @Autowired
    MeterRegistry meters;

    private final List<AdmissionGate.Admission> held = new ArrayList<>();

    @AfterEach
    void giveThePlacesBack() {
        held.forEach(AdmissionGate.Admission::close);
        held.clear();
    }

    @Test
    void givenEveryPlaceTaken_whenAnAppealArrives_thenItGets503OverloadedWithRetryAfterAndNothingIsPublished() {
        takeEveryPlace();
        double refusedBefore = meters.counter(AdmissionGate.REFUSED_METER).count();
        String text = "Прошу осветить улицу Жибек Жолы, вечером темно. " + UUID.randomUUID();

        HttpResponse<String> refused = postJson("/api/v1/appeals", DEMO_KEY, validAppeal(text));

        assertOverloaded(refused);
        assertThat(meters.counter(AdmissionGate.REFUSED_METER).count()).isEqualTo(refusedBefore + 1);
        assertNotPublished(text);
    }

    @Test
    void givenEveryPlaceTaken_whenAnInvalidAppealArrives_thenItStillGets400NamingTheField() {
        takeEveryPlace();

        HttpResponse<String> invalid = postJson("/api/v1/appeals", DEMO_KEY, validAppeal("?"));

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(body(invalid).get("errors").get(0).get("field").asString()).isEqualTo("text");
    }

    @Test
    void givenThePlacesFreedAgain_whenTheSameAppealIsRetried_thenItIsAccepted() {
        takeEveryPlace();
        String text = "Во дворе дома 12 в Каскелене нет освещения. " + UUID.randomUUID();
        assertThat(postJson("/api/v1/appeals", DEMO_KEY, validAppeal(text)).statusCode()).isEqualTo(503);

        giveThePlacesBack();
        HttpResponse<String> retried = postJson("/api/v1/appeals", DEMO_KEY, validAppeal(text));

        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(gate.inFlight()).isZero();
        assertThat(submittedRecordsOf(body(retried).get("appealId").asString())).hasSize(1);
    }

    private void takeEveryPlace() {
        for (int i = 0; i < ADMISSION_PLACES; i++) {
            held.add(gate.enter());
        }
        assertThat(gate.inFlight()).isEqualTo(ADMISSION_PLACES);
    }
}
