package kz.hearingstate.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.delivery.DeliveryChannel;
import kz.hearingstate.notification.delivery.DeliveryFailedException;
import kz.hearingstate.notification.delivery.OutgoingMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Plain-text UTF-8 e-mail over SMTP. The Message-ID is derived from the notification id, so a resend
 * after a crash is the same message to the recipient's mail system.
 */
@Component
public class EmailChannel implements DeliveryChannel {

    private final JavaMailSender mailSender;
    private final String from;

    public EmailChannel(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.from = properties.email().from();
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.EMAIL;
    }

    @Override
    public void deliver(OutgoingMessage message) throws DeliveryFailedException {
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.address());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            mime.setHeader("Content-Language", message.language().name());
            // JavaMailSenderImpl keeps a Message-ID that was set before sending.
            mime.setHeader("Message-ID", messageId(message.notificationId()));
            mailSender.send(mime);
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw DeliveryFailedException.permanentFailure("e-mail could not be built: " + e.getMessage());
        } catch (MailException e) {
            throw DeliveryFailedException.transientFailure("SMTP server did not accept the e-mail: " + e.getMessage(), e);
        }
    }

    static String messageId(String notificationId) {
        return "<" + notificationId + "@notification.hearingstate.kz>";
    }
}
