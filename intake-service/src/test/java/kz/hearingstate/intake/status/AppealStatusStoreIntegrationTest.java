package kz.hearingstate.intake.status;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.identity.AppealIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection's writes against the MongoDB-wire server, in the orders Kafka may deliver them. */
class AppealStatusStoreIntegrationTest extends IntakeIntegrationTest {

    private static final Instant FIRST = Instant.parse("2026-11-27T05:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-27T05:07:00Z");

    @Autowired
    AppealStatusStore store;

    @Test
    void givenTheSameAppealSubmittedTwice_whenProjected_thenTheFirstTimesStayAndHistoryHasOneSubmission() {
        String appealId = AppealIds.random();
        store.applySubmitted(submitted(appealId, FIRST));
        store.applySubmitted(submitted(appealId, LATER));

        AppealStatusView view = store.findById(appealId).orElseThrow();
        assertThat(view.receivedAt()).isEqualTo(FIRST);
        assertThat(view.history()).hasSize(1);
    }

    @Test
    void givenTheLifecycleEventArrivesBeforeTheSubmission_whenBothAreProjected_thenNeitherLosesWhatOnlyItKnows() {
        String appealId = AppealIds.random();
        assertThat(store.applyLifecycle(routed(appealId, 1))).isTrue();
        store.applySubmitted(submitted(appealId, FIRST));

        AppealStatusView view = store.findById(appealId).orElseThrow();
        assertThat(view.status()).isEqualTo(AppealStatus.ROUTED);
        assertThat(view.department()).isEqualTo("roads-transport");
        assertThat(view.receivedAt()).isEqualTo(FIRST);
        assertThat(view.history()).extracting(AppealStatusView.HistoryEntry::status)
                .containsExactlyInAnyOrder(AppealStatus.SUBMITTED, AppealStatus.ROUTED);
        assertThat(store.findByTrackingCode(AppealIds.trackingCode(appealId))).isPresent();
    }

    @Test
    void givenALifecycleEventAlreadyApplied_whenItComesAgain_thenItIsIgnored() {
        String appealId = AppealIds.random();
        store.applySubmitted(submitted(appealId, FIRST));

        assertThat(store.applyLifecycle(routed(appealId, 1))).isTrue();
        assertThat(store.applyLifecycle(routed(appealId, 1))).isFalse();
        assertThat(store.findById(appealId).orElseThrow().history()).hasSize(2);
    }

    private static AppealSubmitted submitted(String appealId, Instant receivedAt) {
        return new AppealSubmitted(appealId, AppealIds.trackingCode(appealId), "demo-portal", null, AppealType.COMPLAINT,
                null, "Яма на дороге у остановки.", Language.ru, false, "roads", true, null, null, List.of(),
                receivedAt, receivedAt, receivedAt.plusSeconds(86_400 * 21));
    }

    private static AppealLifecycleEvent routed(String appealId, long sequence) {
        return new AppealLifecycleEvent(appealId, AppealIds.trackingCode(appealId), sequence, LifecycleType.ROUTED,
                AppealStatus.ROUTED, "roads-transport", null, "roads", 0.8, "system", null, null, null,
                LATER.plusSeconds(86_400 * 21), LATER);
    }
}
