package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import kz.hearingstate.routing.RoutingProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealed test set's single run: classifies it with the shipped models and thresholds and writes
 * docs/routing-sealed-test-2.md with the date of the run. It refuses to run when that file exists, so the set
 * is run exactly once; nothing may be tuned after it. Run with {@code -Dclassifier.sealed=run-once}.
 *
 * <p>This is the second sealed set. The first was run on 3 December 2026 (docs/routing-sealed-test.md); training data
 * was then written for the styles and departments its figures showed weak, so it could no longer give a blind figure,
 * and it became part of the validation split.
 */
@EnabledIfSystemProperty(named = "classifier.sealed", matches = "run-once")
class SealedTestRun {

    static final Path RESULT = Path.of("../docs/routing-sealed-test-2.md");

    @Test
    void runTheSealedTestSetOnce() throws IOException {
        assertThat(RESULT).as("the sealed test set was run already: its result is final").doesNotExist();
        Instant ranAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClassifierEvaluation sealed = ClassifierEvaluation.run(Directories.shippedClassifier(), Directories.zhambyl(),
                LabelledSets.heldOut(LabelledSets.SEALED_TEST));
        RoutingProperties.Classifier settings = Directories.shippedSettings();
        StringBuilder md = new StringBuilder("# Routing quality: the second sealed test set, run once\n\n")
                .append(String.format(Locale.ROOT, "Run once on %s by `SealedTestRun` (`-Dclassifier.sealed=run-once`), with the shipped%n", ranAt))
                .append(String.format(Locale.ROOT, "models and thresholds (corruption detector %.2f, review band from %.2f, triage confidence %.2f),%n",
                        settings.corruptionThreshold(), settings.corruptionReviewThreshold(), settings.confidenceThreshold()))
                .append(String.format(Locale.ROOT, "on %d appeals written without seeing the training data and never looked at before (the first sealed%n", sealed.size()))
                .append("set's run: [routing-sealed-test.md](routing-sealed-test.md)). Nothing was changed after this run. The bar set\n")
                .append("for routing quality (issue 14): at least 95% top-1, no corruption report anywhere but anti-corruption, at most\n")
                .append("5% triaged.\n\n");
        ClassifierReportWriter.section(md, sealed);
        Files.writeString(RESULT, md.toString());
        System.out.println("Sealed test set, single run: " + sealed.summary());
    }
}
