package kz.hearingstate.intake.submission;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The bound on store writes that outlive their answers: with a store that hangs, writes the answers stopped waiting
 * for would gather without end. Past {@code max-store-writes} running, a new submission is refused at once.
 */
class AdmissionGateTest {

    private final CountDownLatch storeHangs = new CountDownLatch(1);

    @AfterEach
    void storeAnswersAgain() {
        storeHangs.countDown();
    }

    @Test
    void givenTheStoreWritesBoundReachedByWritesNobodyWaitsFor_whenASubmissionArrives_thenItIsRefusedAtOnceUntilOneFinishes() {
        AdmissionGate gate = gate(Map.of("hearing.intake.admission.max-store-writes", "2",
                "hearing.intake.admission.answer-within", "50ms"));
        for (int i = 0; i < 2; i++) {
            try (AdmissionGate.Admission admitted = gate.enter()) {
                assertThat(admitted.writeUntilDue(this::hang)).as("answered when due, the write still running")
                        .isFalse();
            }
        }
        assertThat(gate.inFlight()).as("every place given back").isZero();
        assertThat(gate.storeWritesRunning()).isEqualTo(2);

        long started = System.nanoTime();
        assertThatThrownBy(gate::enter).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.type()).isEqualTo(ProblemType.OVERLOADED));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting for a place")
                .isLessThan(Duration.ofMillis(100));

        storeHangs.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.storeWritesRunning() == 0);
        try (AdmissionGate.Admission admitted = gate.enter()) {
            assertThat(admitted.writeUntilDue(() -> { })).as("a write that finishes in time").isTrue();
        }
    }

    @Test
    void givenAReservationSlowerThanTheDueTime_whenAdmitted_thenItIsRefusedWhenDueAndItsWriteStillCounts() {
        AdmissionGate gate = gate(Map.of("hearing.intake.admission.answer-within", "100ms"));
        try (AdmissionGate.Admission admitted = gate.enter()) {
            assertThatThrownBy(() -> admitted.beforeDue(() -> {
                hang();
                return "reserved";
            })).isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.type()).isEqualTo(ProblemType.OVERLOADED));
        }
        assertThat(gate.storeWritesRunning()).isEqualTo(1);
        storeHangs.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.storeWritesRunning() == 0);
    }

    private void hang() {
        try {
            storeHangs.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AdmissionGate gate(Map<String, String> settings) {
        IntakeProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("hearing.intake", IntakeProperties.class);
        return new AdmissionGate(properties, new SimpleMeterRegistry());
    }
}
