package kz.hearingstate.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.NotificationOutcome;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventSchemas;
import kz.hearingstate.notification.delivery.Notification;
import kz.hearingstate.notification.delivery.NotificationStatus;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.notification.delivery.RecipientRole;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Retries with back-off, giving up, outcome events, metrics, and the resend after a crashed attempt. */
class DeliveryFailureIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private NotificationStore store;
    @Autowired
    private MeterRegistry meters;

    @Test
    void givenGatewayAlwaysFailing_whenDelivering_thenTriedMaxAttemptsThenFailedWithAnOutcomeWithoutPersonalData() throws Exception {
        String appealId = Appeals.newAppealId();
        String phone = "+77015550001";
        HTTP.failTimes(phone, Integer.MAX_VALUE);
        double failedBefore = counter("notifications.failed", "SMS", "appeal-registered");

        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.kk, Appeals.citizen(ContactChannel.SMS, phone, null, Language.kk)));

        JsonNode outcome = awaitOutcome(appealId);
        assertThat(outcome.get("outcome").asString()).isEqualTo(NotificationOutcome.FAILED);
        assertThat(outcome.get("attempts").asInt()).isEqualTo(3);
        assertThat(outcome.get("channel").asString()).isEqualTo("SMS");
        assertThat(outcome.get("recipientRole").asString()).isEqualTo("CITIZEN");
        assertThat(HTTP.received(SMS_PATH, phone)).as("one request per attempt, none after giving up").hasSize(3);
        Notification failed = store.forAppeal(appealId).getFirst();
        assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.lastError()).contains("HTTP 503");
        assertThat(counter("notifications.failed", "SMS", "appeal-registered")).isEqualTo(failedBefore + 1);
    }

    @Test
    void givenGatewayFailingTwice_whenDelivering_thenThirdAttemptDeliversAndTheOutcomeSaysSo() throws Exception {
        String appealId = Appeals.newAppealId();
        String phone = "+77015550002";
        HTTP.failTimes(phone, 2);
        double sentBefore = counter("notifications.sent", "SMS", "appeal-registered");

        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.ru, Appeals.citizen(ContactChannel.SMS, phone, null, Language.ru)));

        JsonNode outcome = awaitOutcome(appealId);
        assertThat(outcome.get("outcome").asString()).isEqualTo(NotificationOutcome.DELIVERED);
        assertThat(outcome.get("attempts").asInt()).isEqualTo(3);
        assertThat(outcome.get("latencyMillis").asLong()).isPositive();
        assertThat(HTTP.received(SMS_PATH, phone)).hasSize(3)
                .extracting(request -> json.readTree(request.body()).get("reference").asString())
                .as("every attempt carries the same idempotency key").containsOnly(outcome.get("notificationId").asString());
        assertThat(store.forAppeal(appealId).getFirst().status()).isEqualTo(NotificationStatus.SENT);
        assertThat(counter("notifications.sent", "SMS", "appeal-registered")).isEqualTo(sentBefore + 1);
        assertThat(meters.get("notification.delivery.latency").tag("channel", "SMS").timer().count()).isPositive();
    }

    @Test
    void givenAttemptClaimedByAWorkerThatDied_whenItsClaimRunsOut_thenAnotherInstanceSendsItAgainWithTheSameMessageId() throws Exception {
        String appealId = Appeals.newAppealId();
        String email = "crash-" + appealId.substring(3, 11) + "@mail.test";
        Instant claimExpired = Instant.now().minusSeconds(1);
        // The state a crash between "channel accepted" and "marked SENT" leaves behind; nobody handed it
        // to the surviving instance, so only its search of the store can find it.
        Notification stuck = new Notification("crashed-" + appealId, appealId, Appeals.trackingCodeOf(appealId),
                appealId + ":submitted", "appeal-registered", RecipientRole.CITIZEN, ContactChannel.EMAIL, email,
                "c***@mail.test", "web", null, Language.en, "Your appeal has been registered", "Body", NotificationStatus.SENDING,
                1, claimExpired, claimExpired, claimExpired, null, null, null, false, false, "crashed-instance");
        try (ConfigurableApplicationContext survivor = startInstance("notification-survivor", "notification-survivor",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + MAIL.getSmtp().getPort())) {
            NotificationStore survivorStore = survivor.getBean(NotificationStore.class);
            assertThat(survivorStore.insertAllNew(List.of(stuck))).containsExactly(stuck.id());

            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);
            assertThat(mailsTo(email).getFirst().getMessageID()).isEqualTo("<crashed-" + appealId + "@notification.hearingstate.kz>");
            await().atMost(Duration.ofSeconds(10)).until(() -> survivorStore.find(stuck.id()).map(Notification::status),
                    status -> status.equals(Optional.of(NotificationStatus.SENT)));
            assertThat(survivorStore.find(stuck.id()).orElseThrow().attempts()).isEqualTo(2);
        }
    }

    private JsonNode awaitOutcome(String appealId) {
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> topics().records(Topics.NOTIFICATIONS_OUTCOMES).stream()
                        .filter(r -> appealId.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
        String body = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(EventSchemas.violations(EventTypes.NOTIFICATION_OUTCOME, body, json)).isEmpty();
        assertThat(body).as("no personal data").doesNotContain("+7701", "@mail", "Aigerim", "900101300123");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventTypes.NOTIFICATION_OUTCOME);
        List<ConsumerRecord<String, byte[]>> forAppeal = topics().records(Topics.NOTIFICATIONS_OUTCOMES).stream()
                .filter(r -> appealId.equals(r.key())).toList();
        assertThat(forAppeal).as("one outcome per notification").hasSize(1);
        return json.readTree(body);
    }

    private double counter(String name, String channel, String template) {
        var counter = meters.find(name).tag("channel", channel).tag("template", template).counter();
        return counter == null ? 0 : counter.count();
    }
}
