package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Trains the two models from the shipped training data and writes what the service loads: the department
 * model ({@code model.bin.gz}) and the corruption detector ({@code corruption.bin.gz}). Run by the build
 * (exec-maven-plugin, phase process-classes), so every build ships models trained on exactly the committed
 * data. Usage: {@code ModelTrainer <training directory> <output directory>}; every {@code *.jsonl} below
 * the training directory is read. The validation, evaluation and sealed sets live under src/test and never
 * reach it.
 */
public final class ModelTrainer {

    public static final String DEPARTMENT_MODEL = "model.bin.gz";
    public static final String CORRUPTION_MODEL = "corruption.bin.gz";

    private ModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ModelTrainer <training directory> <output directory>");
        }
        List<LabelledAppeal> training = LabelledAppeal.readAll(Path.of(args[0]));
        Path output = Files.createDirectories(Path.of(args[1]));

        // The two models are independent: train them side by side (each is deterministic on its own).
        long started = System.nanoTime();
        CompletableFuture<LogisticRegressionModel> corruption = CompletableFuture.supplyAsync(
                () -> CorruptionDetector.train(training, LogisticRegressionModel.Training.DETECTOR));
        LogisticRegressionModel departments = LogisticRegressionModel.train(training, LogisticRegressionModel.Training.DEPARTMENTS);
        write(departments, output.resolve(DEPARTMENT_MODEL), training.size(), started);
        write(corruption.join(), output.resolve(CORRUPTION_MODEL), training.size(), started);
    }

    private static void write(LogisticRegressionModel model, Path file, int appeals, long started) throws IOException {
        long trained = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        System.out.printf("Trained %s on %d appeals (%d labels, %d features), done %d ms after the start: %d KiB%n", file.getFileName(),
                appeals, model.labels().size(), model.featureCount(), (trained - started) / 1_000_000, Files.size(file) / 1024);
    }
}
