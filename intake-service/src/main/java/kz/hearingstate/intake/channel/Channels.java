package kz.hearingstate.intake.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.hearingstate.intake.config.IntakeProperties;
import org.springframework.stereotype.Component;

/**
 * Finds the channel an API key belongs to. Only SHA-256 hashes of keys are configured, so the
 * configuration reveals no key; a channel lists several hashes while a key is being rotated.
 */
@Component
public class Channels {

    private final Map<String, String> channelByKeyHash = new HashMap<>();

    public Channels(IntakeProperties properties) {
        properties.channels().forEach((channel, settings) -> settings.apiKeySha256().stream().filter(hash -> !hash.isBlank()).forEach(hash -> {
            String previous = channelByKeyHash.put(hash.toLowerCase(Locale.ROOT), channel);
            if (previous != null && !previous.equals(channel)) {
                throw new IllegalStateException("One API key hash is configured for channels " + previous + " and " + channel);
            }
        }));
    }

    public Optional<String> channelOf(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(channelByKeyHash.get(sha256(apiKey)));
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
