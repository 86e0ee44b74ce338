package kz.hearingstate.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How results are written: only under the claim that produced them, and with no private link's secret kept. */
class NotificationStoreIntegrationTest extends IntegrationTestSupport {

    private static final String SECRET = "k3v9x2m7q4w8z1c6b5n0p2r7";

    @Autowired
    private NotificationStore store;

    @Test
    void givenAnAttemptThatOutlivedItsClaim_whenItsResultComesAfterAnotherWorkerTookIt_thenTheOtherWorkersAttemptStands() {
        // Due in an hour: this context's own worker leaves it alone, the test plays both workers.
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Notification slow = claimed("overrun-" + Appeals.newAppealId(), later);
        store.insertAllNew(List.of(slow));
        Notification retaken = store.claim(slow, later.plusSeconds(60)).orElseThrow(); // the slow worker's lease ran out

        assertThat(store.recordAttempts(List.of(slow.attempted(NotificationStatus.PENDING, later, null, "timed out"))))
                .as("not written, so its worker tells nothing of it").isEmpty();
        Notification afterTheLateResult = store.find(slow.id()).orElseThrow();
        assertThat(afterTheLateResult.status()).as("the late result is not written over the new claim").isEqualTo(NotificationStatus.SENDING);
        assertThat(afterTheLateResult.attempts()).isEqualTo(2);

        assertThat(store.recordAttempts(List.of(retaken.attempted(NotificationStatus.SENT, null, Instant.now(), null))))
                .extracting(Notification::id).containsExactly(slow.id());
        assertThat(store.find(slow.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void givenTheRegistrationNotice_whenItHasGone_thenItsStoredTextKeepsNoSecretOfThePrivateLink() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Notification sending = claimed("registered-" + Appeals.newAppealId(), later);
        store.insertAllNew(List.of(sending));
        assertThat(store.find(sending.id()).orElseThrow().body()).as("kept while it may still be sent").contains(SECRET);

        store.recordAttempts(List.of(sending.attempted(NotificationStatus.SENT, null, Instant.now(), null)));

        Notification sent = store.find(sending.id()).orElseThrow();
        assertThat(sent.body()).doesNotContain(SECRET).contains("https://portal.test/portal/a/*** ")
                .contains("/api/v1/appeals/access/***).");
    }

    /** A registration notice under a worker's first claim, as the store holds it while the worker sends it. */
    private static Notification claimed(String id, Instant claimedUntil) {
        String appealId = id.substring(id.indexOf('-') + 1);
        return new Notification(id, appealId, Appeals.trackingCodeOf(appealId), appealId + ":submitted",
                "appeal-registered", RecipientRole.CITIZEN, ContactChannel.EMAIL, "store@mail.test", "s***@mail.test", "web",
                null, Language.en, "Your appeal has been registered",
                "Your link: https://portal.test/portal/a/" + SECRET + " (or /api/v1/appeals/access/" + SECRET + ").",
                NotificationStatus.SENDING, 1, claimedUntil, Instant.now(), Instant.now(), null, null, null, false, false, "claim-1");
    }
}
