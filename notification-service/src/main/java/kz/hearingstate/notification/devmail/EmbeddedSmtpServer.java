package kz.hearingstate.notification.devmail;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import kz.hearingstate.events.ContactMasks;
import kz.hearingstate.notification.NotificationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * For the local stack only ({@code hearing.notification.embedded-smtp.enabled=true}): a GreenMail SMTP
 * server inside this service that accepts every message, so a demo shows real e-mails without a mail
 * provider. Started before the delivery worker (lower phase).
 */
@Component
@ConditionalOnBooleanProperty("hearing.notification.embedded-smtp.enabled")
public class EmbeddedSmtpServer implements SmartLifecycle {

    private final GreenMail greenMail;

    public EmbeddedSmtpServer(NotificationProperties properties) {
        NotificationProperties.EmbeddedSmtp settings = properties.embeddedSmtp();
        this.greenMail = new GreenMail(new ServerSetup(settings.port(), settings.host(), ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    @Override
    public void start() {
        greenMail.start();
    }

    @Override
    public void stop() {
        greenMail.stop();
    }

    @Override
    public boolean isRunning() {
        return greenMail.isRunning();
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** What it received, oldest first; recipients masked. */
    public List<ReceivedMail> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(EmbeddedSmtpServer::toMail).toList();
    }

    private static ReceivedMail toMail(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            String recipients = to == null ? "" : Arrays.stream(to).map(a -> ContactMasks.email(a.toString()))
                    .collect(Collectors.joining(", "));
            Instant received = message.getSentDate() == null ? null : message.getSentDate().toInstant();
            Object content = message.getContent();
            return new ReceivedMail(message.getMessageID(), recipients, message.getSubject(),
                    content instanceof String text ? text.strip() : String.valueOf(content), received);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the embedded SMTP server", e);
        }
    }

    /** One received e-mail as the dev mailbox lists it. */
    public record ReceivedMail(String messageId, String to, String subject, String body, Instant sentAt) {
    }
}
