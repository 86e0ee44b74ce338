package kz.hearingstate.notification.devmail;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dev/mailbox}: what the local stack's embedded SMTP server received. Local stack only, and
 * only with an operator's key (answers and tracking codes are in these mails).
 */
@RestController
@ConditionalOnBooleanProperty("hearing.notification.embedded-smtp.enabled")
class DevMailboxController {

    private final EmbeddedSmtpServer smtp;

    DevMailboxController(EmbeddedSmtpServer smtp) {
        this.smtp = smtp;
    }

    @GetMapping("/api/v1/dev/mailbox")
    List<EmbeddedSmtpServer.ReceivedMail> mailbox() {
        return smtp.received();
    }
}
