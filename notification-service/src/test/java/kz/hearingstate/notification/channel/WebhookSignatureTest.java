package kz.hearingstate.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-test";
    private static final String BODY = "{\"appealId\":\"ap-1\",\"text\":\"Сәлеметсіз бе\"}";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_795_000_000L);

    @Test
    void givenBodyAndSecret_whenSigned_thenHeaderMatchesOpensslHmacOfTimestampDotBody() {
        // Expected value from: printf '%s' "1795000000.$BODY" | openssl dgst -sha256 -hmac whsec-test
        assertThat(WebhookSignature.header(SECRET, SIGNED_AT, BODY))
                .isEqualTo("t=1795000000,v1=" + OPENSSL_HMAC);
    }

    @Test
    void givenFreshSignature_whenVerified_thenAccepted() {
        String header = WebhookSignature.header(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(header, BODY, SECRET, SIGNED_AT.plusSeconds(30), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void givenTamperedBodyWrongSecretOrStaleTimestamp_whenVerified_thenRejected() {
        String header = WebhookSignature.header(SECRET, SIGNED_AT, BODY);

        assertThat(WebhookSignature.verify(header, BODY.replace("ap-1", "ap-2"), SECRET, SIGNED_AT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(header, BODY, "other-secret", SIGNED_AT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SIGNED_AT.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify("v1=abc", BODY, SECRET, SIGNED_AT, Duration.ofMinutes(5))).isFalse();
    }

    private static final String OPENSSL_HMAC = "1f8455886e305f56c3616024b41b2e197b85a14b0b913526548510e466ab847c";
}
