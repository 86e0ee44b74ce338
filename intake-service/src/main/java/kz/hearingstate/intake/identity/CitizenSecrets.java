package kz.hearingstate.intake.identity;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.web.Hashing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The citizen's access secret of an appeal: what lets the submitter read the status, reply and rate the answer
 * without a channel key. The tracking code is public (Open311, public lists); this is not.
 *
 * <p>The secret is an HMAC-SHA256 of the appealId under a server-side key ({@code hearing.intake.citizen-access-key}),
 * cut to 120 bits and written as 24 Crockford base-32 characters. Being a function of the appealId, a retried
 * submission gets the same secret without storing it; without the key it cannot be computed from anything
 * public. Intake keeps only {@link #lookupHash} of it, to find the appeal a secret opens.
 */
@Component
public class CitizenSecrets {

    static final int KEY_MIN_LENGTH = 32;
    private static final int SECRET_BITS = 120;
    private static final int SECRET_CHARS = SECRET_BITS / 5;

    private final String key;

    @Autowired
    public CitizenSecrets(IntakeProperties properties) {
        this(properties.citizenAccessKey());
    }

    public CitizenSecrets(String key) {
        // The example's placeholder is long enough, and public: links made with it could be made by anyone who has read
        // the repository and knows an appealId (every department it reaches does).
        if (key == null || key.strip().length() < KEY_MIN_LENGTH
                || key.toUpperCase(Locale.ROOT).replace("-", "").contains("CHANGEME")) {
            throw new IllegalStateException("hearing.intake.citizen-access-key (CITIZEN_ACCESS_KEY) must be set to a random "
                    + "value of at least " + KEY_MIN_LENGTH + " characters of your own (not the example's CHANGE-ME), "
                    + "for example: openssl rand -base64 48");
        }
        this.key = key.strip();
    }

    public String secretOf(String appealId) {
        byte[] mac = Hashing.hmacSha256(key, "citizen-access:" + appealId);
        StringBuilder secret = new StringBuilder(SECRET_CHARS);
        for (int i = 0; i < SECRET_CHARS; i++) {
            int bit = i * 5;
            int twoBytes = ((mac[bit / 8] & 0xff) << 8) | (mac[bit / 8 + 1] & 0xff);
            secret.append(AppealIds.ALPHABET.charAt((twoBytes >>> (11 - bit % 8)) & 31));
        }
        return secret.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A digest of what the citizen sent for one step of one appeal (a reply, a rating), keyed: the status view keeps it
     * to tell the same one sent again from a different one, and a plain hash of a short text or of a rating (ten
     * possible values) could be read back from the store, or link appeals whose citizens wrote the same words.
     */
    public String digestOf(String appealId, String step, String content) {
        return HexFormat.of().formatHex(Hashing.hmacSha256(key, "citizen-response:" + appealId + ":" + step + ":" + content));
    }

    /**
     * What intake stores to find the appeal of a secret: its SHA-256. A secret has 120 random-looking bits, so
     * no salt or slow hash is needed; a leaked store cannot be turned back into working links.
     */
    public static String lookupHash(String secret) {
        return Hashing.sha256Hex(secret);
    }

    /** The canonical form of a secret as typed or pasted (any case), or empty when it cannot be one. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() != SECRET_CHARS) {
            return Optional.empty();
        }
        String secret = typed.toLowerCase(Locale.ROOT);
        String alphabet = AppealIds.ALPHABET.toLowerCase(Locale.ROOT);
        return secret.chars().allMatch(c -> alphabet.indexOf(c) >= 0) ? Optional.of(secret) : Optional.empty();
    }
}
