package kz.hearingstate.routing.classification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import kz.hearingstate.routing.directory.Department;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a timed test (it asserts nothing about time): trains both models as the build does and
 * times it, reports their size, and measures the classification time per appeal (detector and department
 * model, as the service runs them) over the held-out validation and evaluation texts after a warm-up.
 * Writes docs/benchmarks/classifier.md. Run by {@code scripts/classifier-report.sh} ({@code -Dclassifier.benchmark=write}).
 */
@EnabledIfSystemProperty(named = "classifier.benchmark", matches = "write")
class ClassifierBenchmark {

    static final Path REPORT = Path.of("../docs/benchmarks/classifier.md");
    private static final int ROUNDS = 20;

    @Test
    void measure() throws IOException {
        List<LabelledAppeal> training = LabelledSets.training();
        long started = System.nanoTime();
        LogisticRegressionModel departments = LogisticRegressionModel.train(training, LogisticRegressionModel.Training.DEPARTMENTS);
        long departmentMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        LogisticRegressionModel corruption = CorruptionDetector.train(training, LogisticRegressionModel.Training.DETECTOR);
        long corruptionMs = (System.nanoTime() - started) / 1_000_000;
        int departmentBytes = size(departments);
        int corruptionBytes = size(corruption);

        AppealClassifier classifier = Directories.shippedClassifier();
        List<Department> directory = Directories.zhambyl();
        List<String> texts = new ArrayList<>();
        LabelledSets.heldOut(LabelledSets.VALIDATION).forEach(a -> texts.add(a.text()));
        LabelledSets.heldOut(LabelledSets.EVALUATION).forEach(a -> texts.add(a.text()));
        for (int i = 0; i < 3; i++) {
            texts.forEach(t -> classifier.classify(new AppealClassifier.Input(null, t, false, null, null), directory, List.of()));
        }
        long[] nanos = new long[texts.size() * ROUNDS];
        int n = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String text : texts) {
                long t0 = System.nanoTime();
                classifier.classify(new AppealClassifier.Input(null, text, false, null, null), directory, List.of());
                nanos[n++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        double averageChars = texts.stream().mapToInt(String::length).average().orElse(0);

        String md = "# Classifier benchmark\n\n"
                + String.format(Locale.ROOT, "Measured %s by `ClassifierBenchmark` (`scripts/classifier-report.sh`), JDK %s, %d processors%n",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version(), Runtime.getRuntime().availableProcessors())
                + String.format(Locale.ROOT, "(load average %.1f: the machine is shared, so times vary with other builds).%n%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + "| what | figure |\n|---|---|\n"
                + String.format(Locale.ROOT, "| training data | %d appeals |%n", training.size())
                + String.format(Locale.ROOT, "| department model | %d labels, %d features, %d KiB gzipped; trained in %.1f s |%n",
                        departments.labels().size(), departments.featureCount(), departmentBytes / 1024, departmentMs / 1000.0)
                + String.format(Locale.ROOT, "| corruption detector | %d features, %d KiB gzipped; trained in %.1f s |%n",
                        corruption.featureCount(), corruptionBytes / 1024, corruptionMs / 1000.0)
                + String.format(Locale.ROOT, "| classification per appeal (detector + rules + department model) | p50 %.2f ms, p99 %.2f ms, max %.2f ms |%n",
                        nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6)
                + String.format(Locale.ROOT, "| measured on | %d held-out texts (average %.0f characters) × %d rounds, after 3 warm-up rounds |%n",
                        texts.size(), averageChars, ROUNDS)
                + "\nThe build trains both models in `process-classes` (`ModelTrainer`, single-threaded stochastic gradient descent\n"
                + "with a fixed seed); the service loads them at start-up.\n";
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, md);
        System.out.print(md);
    }

    private static int size(LogisticRegressionModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.size();
    }
}
