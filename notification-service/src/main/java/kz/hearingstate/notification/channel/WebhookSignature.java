package kz.hearingstate.notification.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import kz.hearingstate.web.Hashing;

/**
 * {@code X-Hearing-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. The timestamp is
 * signed with the body, so a captured request cannot be replayed later than the receiver's tolerance.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hearing-Signature";

    public static String header(String secret, Instant timestamp, String body) {
        long seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + hmac(secret, seconds + "." + body);
    }

    /** What a receiver does: recompute, compare in constant time, and refuse stale timestamps. */
    public static boolean verify(String header, String body, String secret, Instant now, Duration tolerance) {
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmac(secret, seconds + "." + body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmac(String secret, String data) {
        return HexFormat.of().formatHex(Hashing.hmacSha256(secret, data));
    }

    private WebhookSignature() {
    }
}
