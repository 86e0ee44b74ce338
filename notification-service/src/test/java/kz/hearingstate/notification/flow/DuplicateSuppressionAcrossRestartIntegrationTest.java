package kz.hearingstate.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Topics;
import kz.hearingstate.notification.delivery.NotificationStatus;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Exactly once across a restart: a second instance of the service, started after the first one stopped,
 * with the same database and consumer group, sends nothing for an event that is delivered again. The
 * instances use their own consumer group, database and SMTP server, so the shared test context does not
 * interfere.
 */
class DuplicateSuppressionAcrossRestartIntegrationTest extends IntegrationTestSupport {

    private static final String GROUP = "notification-restart-test";
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    private ConfigurableApplicationContext running;

    @Test
    void givenNotificationSent_whenServiceRestartsAndTheEventIsDeliveredAgain_thenNothingIsSentTwice() throws Exception {
        mail.start();
        String appealId = Appeals.newAppealId();
        String email = "restart-" + appealId.substring(3, 11) + "@mail.test";
        Object submitted = Appeals.submitted(appealId, "web", Language.kk, Appeals.citizen(ContactChannel.EMAIL, null, email, Language.kk));
        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED, submitted);

        running = startService();
        await().atMost(Duration.ofSeconds(60)).until(() -> receivedBy(email) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> running.getBean(NotificationStore.class).forAppeal(appealId)
                .getFirst().status() == NotificationStatus.SENT);
        running.close();

        // A producer retry or a replay puts the same event (same ce_id) on the topic again.
        RecordMetadata redelivered = publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted",
                EventTypes.APPEAL_SUBMITTED, submitted);
        running = startService();
        await().atMost(Duration.ofSeconds(60)).until(() -> committedOffset(GROUP,
                new TopicPartition(redelivered.topic(), redelivered.partition())) > redelivered.offset());
        Thread.sleep(1000); // a message sent despite the dedupe would reach GreenMail within a poll or two

        assertThat(receivedBy(email)).isEqualTo(1);
        assertThat(running.getBean(NotificationStore.class).forAppeal(appealId)).singleElement()
                .satisfies(n -> assertThat(n.attempts()).isEqualTo(1));
    }

    /** A new consumer group reads the topic from the start, so other tests' appeals arrive here too. */
    private long receivedBy(String address) {
        return mailsTo(mail, address).size();
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        mail.stop();
    }

    private ConfigurableApplicationContext startService() {
        return startInstance(GROUP, "notification-restart", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort());
    }
}
