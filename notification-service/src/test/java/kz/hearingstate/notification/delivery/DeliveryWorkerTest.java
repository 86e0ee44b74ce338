package kz.hearingstate.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.notification.NotificationProperties;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The delivery loop against a store that fails one write, as when MongoDB goes away in the middle of a round. */
class DeliveryWorkerTest {

    @Test
    @SuppressWarnings("unchecked")
    void givenASentMessage_whenTheStoreFailsToRecordIt_thenItIsRecordedOnceTheStoreAnswersAndNeverSentAgain() {
        Notification claimed = claimed("n-1");
        NotificationStore store = mock(NotificationStore.class);
        when(store.due(any(), anyInt())).thenReturn(List.of(claimed), List.of());
        when(store.claim(eq(claimed), any())).thenReturn(Optional.of(claimed));
        when(store.recordAttempts(anyList()))
                .thenThrow(new IllegalStateException("Exception sending message")) // MongoDB went away after the send
                .thenAnswer(invocation -> invocation.getArgument(0));
        DeliveryChannel email = mock(DeliveryChannel.class);
        when(email.channel()).thenReturn(ContactChannel.EMAIL);
        OutcomePublisher outcomes = mock(OutcomePublisher.class);
        NotificationProperties properties = mock(NotificationProperties.class);
        when(properties.delivery()).thenReturn(new NotificationProperties.Delivery(Duration.ofHours(1), 10, 2, 5,
                Duration.ofSeconds(5), 3.0, Duration.ofMinutes(10), Duration.ofMinutes(1)));
        DeliveryWorker worker = new DeliveryWorker(store, List.of(email), outcomes, mock(DeliveryMetrics.class), properties,
                mock(RetryBackoff.class), Clock.systemUTC());

        worker.start();
        try {
            ArgumentCaptor<List<Notification>> published = ArgumentCaptor.forClass(List.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(outcomes).publish(published.capture()));
            assertThat(published.getValue()).extracting(Notification::id, Notification::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("n-1", NotificationStatus.SENT));
            verify(email, times(1)).deliverAll(anyList());
            verify(store, times(2)).recordAttempts(anyList());
        } finally {
            worker.stop();
        }
    }

    /** A registration notice under this worker's first claim. */
    private static Notification claimed(String id) {
        return new Notification(id, "appeal-1", "ZH-TEST", "appeal-1:submitted", "appeal-registered", RecipientRole.CITIZEN,
                ContactChannel.EMAIL, "citizen@mail.test", "c***@mail.test", "web", null, Language.en, "Registered",
                "Your appeal has been registered.", NotificationStatus.SENDING, 1, Instant.now().plusSeconds(60), Instant.now(),
                Instant.now(), null, null, null, false, false, "claim-1");
    }
}
