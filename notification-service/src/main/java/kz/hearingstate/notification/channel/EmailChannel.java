package kz.hearingstate.notification.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Plain-text UTF-8 e-mail over SMTP. The Message-ID is derived from the notification id, so a resend
 * after a crash is the same message to the recipient's mail system. Several messages go over one SMTP
 * connection ({@link #deliverAll}): connecting costs more CPU than sending a short message.
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
        DeliveryFailedException failure = deliverAll(List.of(message)).get(0);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * One connection for all the messages, sent in order. JavaMailSenderImpl reconnects when the server
     * dropped the connection, and reports each message that was not accepted (a connection that cannot be
     * made fails the rest).
     */
    @Override
    public Map<Integer, DeliveryFailedException> deliverAll(List<OutgoingMessage> messages) {
        Map<Integer, DeliveryFailedException> failures = new HashMap<>();
        List<MimeMessage> built = new ArrayList<>(messages.size());
        List<Integer> positions = new ArrayList<>(messages.size());
        for (int position = 0; position < messages.size(); position++) {
            try {
                built.add(mime(messages.get(position)));
                positions.add(position);
            } catch (MessagingException | MailParseException | MailPreparationException e) {
                failures.put(position, DeliveryFailedException.permanentFailure("e-mail could not be built: " + e.getMessage()));
            }
        }
        if (built.isEmpty()) {
            return failures;
        }
        try {
            mailSender.send(built.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // Keyed by the MimeMessage objects passed in; empty when only closing the connection failed.
            Map<Object, Exception> failed = e.getFailedMessages();
            for (int index = 0; index < built.size(); index++) {
                Exception cause = failed.get(built.get(index));
                if (cause != null) {
                    failures.put(positions.get(index), notAccepted(cause));
                }
            }
        } catch (MailException e) { // e.g. authentication refused: none was sent
            positions.forEach(position -> failures.put(position, notAccepted(e)));
        }
        return failures;
    }

    private MimeMessage mime(OutgoingMessage message) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.address());
        helper.setSubject(message.subject());
        helper.setText(message.body());
        // Said here, so that sending does not scan the text through a DataHandler to choose (3 % of
        // notification's CPU in a drain's profile): base64 for Cyrillic text, as that scan would choose.
        mime.setHeader("Content-Transfer-Encoding", transferEncoding(message.body()));
        mime.setHeader("Content-Language", message.language().name());
        // JavaMailSenderImpl keeps a Message-ID that was set before sending.
        mime.setHeader("Message-ID", messageId(message.notificationId()));
        return mime;
    }

    /** 7bit for ASCII text in lines SMTP carries as they are (998 octets at most); base64 otherwise. */
    static String transferEncoding(String text) {
        int lineLength = 0;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c >= 128 || c == '\r' || c == 0) {
                return "base64";
            }
            lineLength = c == '\n' ? 0 : lineLength + 1;
            if (lineLength > 998) {
                return "base64";
            }
        }
        return "7bit";
    }

    private static DeliveryFailedException notAccepted(Exception cause) {
        return DeliveryFailedException.transientFailure("SMTP server did not accept the e-mail: " + cause.getMessage(), cause);
    }

    static String messageId(String notificationId) {
        return "<" + notificationId + "@notification.hearingstate.kz>";
    }
}
