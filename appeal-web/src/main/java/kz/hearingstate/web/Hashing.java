package kz.hearingstate.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 as lower-case hex: API-key hashes in configuration, content fingerprints, deterministic ids; and
 * HMAC-SHA256 for what must not be computable without a server-side key (signatures, keyed secrets).
 */
public final class Hashing {

    private Hashing() {
    }

    /** The 64 hex characters of SHA-256 over the UTF-8 bytes of {@code value} ({@code echo -n value | sha256sum}). */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The first {@code bytes} bytes of {@link #sha256Hex}, as {@code 2 * bytes} hex characters: a shorter stable id. */
    public static String sha256Hex(String value, int bytes) {
        return sha256Hex(value).substring(0, 2 * bytes);
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code data} under the UTF-8 bytes of {@code key}: the 32 bytes of the MAC. */
    public static byte[] hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** True for 64 hex characters, the shape of a configured key hash. */
    public static boolean isSha256Hex(String value) {
        return value != null && value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
