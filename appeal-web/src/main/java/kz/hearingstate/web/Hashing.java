package kz.hearingstate.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: API-key hashes in configuration, content fingerprints, deterministic ids. */
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

    /** True for 64 hex characters, the shape of a configured key hash. */
    public static boolean isSha256Hex(String value) {
        return value != null && value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
