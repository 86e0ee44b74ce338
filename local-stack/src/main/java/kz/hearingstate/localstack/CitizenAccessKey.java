package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Intake's HMAC key for the citizens' access secrets: random, made at the first start under the data directory
 * ({@code citizen-access.key}, readable by the owner only) and kept, so that the links already sent keep
 * working across restarts. Never committed: {@code data/} is not part of the repository.
 */
final class CitizenAccessKey {

    static final String FILE = "citizen-access.key";

    private CitizenAccessKey() {
    }

    static String readOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDirectory);
                SecretFiles.write(file, SecretFiles.randomToken(48));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
