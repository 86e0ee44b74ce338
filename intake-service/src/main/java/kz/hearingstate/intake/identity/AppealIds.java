package kz.hearingstate.intake.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Appeal identifiers. With an idempotency key (or the channel's own external id) the appealId is a
 * name-based UUID (RFC 9562 version 5) of the channel and that key, so a retry, even after a restart,
 * yields the same appeal without any database write before the Kafka send.
 *
 * <p>The tracking code is derived from the appealId: 60 bits in twelve Crockford base-32 characters (no
 * I, L, O, U, so nothing is ambiguous over the phone) plus a Luhn mod 32 check character that catches
 * every single-character typo and most swaps. Printed as {@code ZH-XXXX-XXXX-XXXXX}. 60 bits keep codes
 * unique in practice: two of a million appeals share one with probability about 4 in 10 million (45 bits
 * would have made it 1.4%, and a shared code would show a citizen someone else's appeal).
 */
public final class AppealIds {

    /** Fixed namespace for name-based appeal ids; changing it would break idempotency across versions. */
    private static final UUID NAMESPACE = UUID.fromString("6b1c3a7e-2f59-4c1e-9a51-6f3f7e0c2d48");
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String PREFIX = "ZH";
    private static final int DATA_CHARS = 12;

    private AppealIds() {
    }

    public static String fromIdempotencyKey(String channel, String idempotencyKey) {
        return nameBased("idempotency-key:" + channel + ":" + idempotencyKey).toString();
    }

    public static String fromExternalId(String channel, String externalId) {
        return nameBased("external-id:" + channel + ":" + externalId).toString();
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** A deterministic id for a fact derived from an appeal (a feedback, a reply), so that a retry repeats it. */
    public static String derived(String appealId, String what) {
        return nameBased(appealId + ":" + what).toString();
    }

    public static String trackingCode(String appealId) {
        UUID uuid = UUID.fromString(appealId);
        long bits = uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits();
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < DATA_CHARS; i++) {
            data.append(ALPHABET.charAt((int) (bits & 31)));
            bits >>>= 5;
        }
        return printed(data.toString() + checkCharacter(data));
    }

    /**
     * The canonical form of a code as a person typed it (any case, spaces or dashes, O for 0, I or L
     * for 1), or empty when it is not a well-formed code with the right check character.
     */
    public static Optional<String> normalizeTrackingCode(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (!compact.startsWith(PREFIX)) {
            return Optional.empty();
        }
        compact = compact.substring(PREFIX.length()).replace('O', '0').replace('I', '1').replace('L', '1');
        if (compact.length() != DATA_CHARS + 1 || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        String data = compact.substring(0, DATA_CHARS);
        if (checkCharacter(data) != compact.charAt(DATA_CHARS)) {
            return Optional.empty();
        }
        return Optional.of(printed(compact));
    }

    /** {@code ZH-XXXX-XXXX-XXXXX}: short groups, easy to read out over the phone. */
    private static String printed(String code) {
        return PREFIX + "-" + code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** Luhn mod N over the base-32 alphabet. */
    static char checkCharacter(CharSequence data) {
        int factor = 2;
        int sum = 0;
        for (int i = data.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(data.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return ALPHABET.charAt((32 - sum % 32) % 32);
    }

    private static UUID nameBased(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
