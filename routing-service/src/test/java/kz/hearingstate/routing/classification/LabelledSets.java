package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The labelled sets, each in one place. Training: every {@code *.jsonl} under src/main/classifier (what the
 * build trains on). Held out, under src/test/resources/classifier, written without seeing the training data:
 * validation (for choosing thresholds), evaluation (the gate of the build) and the sealed test (run once).
 */
final class LabelledSets {

    static final Path TRAINING = Path.of("src/main/classifier");
    static final String VALIDATION = "validation.jsonl";
    static final String EVALUATION = "evaluation.jsonl";
    static final String SEALED_TEST = "sealed-test.jsonl";

    private LabelledSets() {
    }

    static List<LabelledAppeal> training() {
        try {
            return LabelledAppeal.readAll(TRAINING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LabelledAppeal> heldOut(String name) {
        try (InputStream in = LabelledSets.class.getResourceAsStream("/classifier/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No held-out set " + name);
            }
            return LabelledAppeal.readJsonLines(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How texts are compared for leaks: lower case, whitespace folded. */
    static String normalised(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
