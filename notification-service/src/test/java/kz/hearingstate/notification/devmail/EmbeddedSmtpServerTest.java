package kz.hearingstate.notification.devmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;

import kz.hearingstate.events.Language;
import kz.hearingstate.notification.channel.EmailChannel;
import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.delivery.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The local stack's embedded SMTP server receives what the e-mail channel sends and lists it, recipients masked. */
class EmbeddedSmtpServerTest {

    private EmbeddedSmtpServer smtp;

    @Test
    void givenEmbeddedServer_whenEmailChannelSends_thenTheMailboxListsTheMessageWithMaskedRecipient() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        NotificationProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "hearing.notification.embedded-smtp.enabled", "true",
                "hearing.notification.embedded-smtp.port", String.valueOf(port))))
                .bindOrCreate("hearing.notification", NotificationProperties.class);
        smtp = new EmbeddedSmtpServer(properties);
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.port());

        new EmailChannel(sender, properties).deliver(new OutgoingMessage("n-42", "ap-1", "ZH-1", "web", null,
                "appeal-registered", "aigerim@mail.kz", Language.kk, "Сіздің ZH-1 өтінішіңіз тіркелді", "Сәлеметсіз бе!"));

        assertThat(smtp.received()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("a***@mail.kz");
            assertThat(mail.subject()).isEqualTo("Сіздің ZH-1 өтінішіңіз тіркелді");
            assertThat(mail.body()).isEqualTo("Сәлеметсіз бе!");
            assertThat(mail.messageId()).isEqualTo("<n-42@notification.hearingstate.kz>");
        });
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }
}
