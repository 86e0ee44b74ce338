package kz.hearingstate.performance.load;

import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MailSinkTest {

    @Test
    void givenMessagesSentOverSmtp_thenTheSinkAcceptsThemAndForgetsThemWithinSeconds() throws InterruptedException {
        try (MailSink sink = MailSink.start()) {
            ServerSetup smtp = new ServerSetup(sink.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

            assertThatCode(() -> {
                for (int i = 0; i < 20; i++) {
                    GreenMailUtil.sendTextEmail("citizen" + i + "@example.com", "noreply@zhambyl.local", "Өтініш тіркелді",
                            "Сіздің өтінішіңіз тіркелді", smtp);
                }
            }).as("every message accepted").doesNotThrowAnyException();

            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (sink.held() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(sink.held()).as("nothing kept: a long run's mail must not fill the load generator's heap").isZero();
        }
    }
}
