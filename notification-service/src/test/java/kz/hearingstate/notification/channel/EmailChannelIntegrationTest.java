package kz.hearingstate.notification.channel;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import kz.hearingstate.events.Language;
import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.delivery.DeliveryFailedException;
import kz.hearingstate.notification.delivery.OutgoingMessage;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** Several e-mails over one SMTP session, against a real SMTP server (GreenMail). */
class EmailChannelIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private NotificationProperties properties;

    @Test
    void givenSeveralEmails_whenDeliveredTogether_thenEachArrivesWithItsMessageIdOverOneSmtpSession() throws Exception {
        CountingSender sender = new CountingSender(MAIL.getSmtp().getPort());
        String tag = Long.toString(System.nanoTime());
        List<OutgoingMessage> messages = List.of(message("a-" + tag, "one-" + tag + "@mail.test"),
                message("b-" + tag, "two-" + tag + "@mail.test"), message("c-" + tag, "one-" + tag + "@mail.test"));

        Map<Integer, DeliveryFailedException> failures = new EmailChannel(sender, properties).deliverAll(messages);

        assertThat(failures).isEmpty();
        assertThat(sender.sessions.get()).isEqualTo(1);
        assertThat(mailsTo("one-" + tag + "@mail.test")).extracting(mail -> mail.getMessageID()).containsExactly(
                EmailChannel.messageId("a-" + tag), EmailChannel.messageId("c-" + tag));
        assertThat(mailsTo("two-" + tag + "@mail.test")).extracting(mail -> mail.getMessageID())
                .containsExactly(EmailChannel.messageId("b-" + tag));
        MimeMessage received = mailsTo("two-" + tag + "@mail.test").getFirst();
        assertThat(received.getSubject()).isEqualTo("Обращение b-" + tag);
        assertThat(((String) received.getContent()).strip()).isEqualTo("Текст b-" + tag);
    }

    @Test
    void givenTextOfEachKind_whenItsTransferEncodingIsChosen_thenOnlyAsciiInShortLinesTravelsAsItIs() {
        assertThat(EmailChannel.transferEncoding("Appeal registered.\nhttps://appeals.test/a/1")).isEqualTo("7bit");
        assertThat(EmailChannel.transferEncoding("Обращение зарегистрировано")).isEqualTo("base64");
        assertThat(EmailChannel.transferEncoding("Өтініш тіркелді")).isEqualTo("base64");
        assertThat(EmailChannel.transferEncoding("a".repeat(999))).isEqualTo("base64");
        assertThat(EmailChannel.transferEncoding("a".repeat(998) + "\n" + "b".repeat(998))).isEqualTo("7bit");
    }

    @Test
    void givenOneAddressThatIsNoAddress_whenDeliveredTogether_thenOnlyItFailsForGoodAndTheOthersArrive() throws Exception {
        CountingSender sender = new CountingSender(MAIL.getSmtp().getPort());
        String tag = Long.toString(System.nanoTime());
        List<OutgoingMessage> messages = List.of(message("a-" + tag, "first-" + tag + "@mail.test"),
                message("b-" + tag, "no address at all"), message("c-" + tag, "third-" + tag + "@mail.test"));

        Map<Integer, DeliveryFailedException> failures = new EmailChannel(sender, properties).deliverAll(messages);

        assertThat(failures).containsOnlyKeys(1);
        assertThat(failures.get(1).permanent()).isTrue();
        assertThat(mailsTo("first-" + tag + "@mail.test")).hasSize(1);
        assertThat(mailsTo("third-" + tag + "@mail.test")).hasSize(1);
    }

    @Test
    void givenNoSmtpServerListening_whenDeliveredTogether_thenEachFailsForNowToBeTriedAgain() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<OutgoingMessage> messages = List.of(message("a", "a@mail.test"), message("b", "b@mail.test"));

        Map<Integer, DeliveryFailedException> failures = new EmailChannel(new CountingSender(closedPort), properties)
                .deliverAll(messages);

        assertThat(failures).containsOnlyKeys(0, 1);
        assertThat(failures.values()).noneMatch(DeliveryFailedException::permanent);
    }

    private static OutgoingMessage message(String id, String address) {
        return new OutgoingMessage(id, "ap-" + id, "TC-" + id, "web", null, "appeal-registered", address, Language.ru,
                "Обращение " + id, "Текст " + id);
    }

    /** The real sender, counting the SMTP sessions it opens. */
    private static final class CountingSender extends JavaMailSenderImpl {

        final AtomicInteger sessions = new AtomicInteger();

        CountingSender(int port) {
            setHost("127.0.0.1");
            setPort(port);
            setDefaultEncoding("UTF-8");
            getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        }

        @Override
        protected Transport connectTransport() throws MessagingException {
            sessions.incrementAndGet();
            return super.connectTransport();
        }
    }
}
