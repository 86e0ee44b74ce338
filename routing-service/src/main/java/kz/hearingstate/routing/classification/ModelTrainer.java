package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the classifier from the shipped training set and writes the model the service loads. Run by
 * the build (exec-maven-plugin, phase process-classes), so every build ships a model trained on exactly
 * the committed data. Usage: {@code ModelTrainer <training-set.jsonl> <model.bin.gz>}.
 */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ModelTrainer <training-set.jsonl> <model.bin.gz>");
        }
        List<LabelledAppeal> training;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            training = LabelledAppeal.readJsonLines(in);
        }
        long started = System.nanoTime();
        LogisticRegressionModel model = LogisticRegressionModel.train(training, LogisticRegressionModel.Training.DEFAULT);
        Path output = Path.of(args[1]);
        Files.createDirectories(output.getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            model.writeTo(out);
        }
        System.out.printf("Trained the appeal classifier on %d appeals (%d labels, %d features) in %d ms -> %s%n",
                training.size(), model.labels().size(), model.featureCount(),
                (System.nanoTime() - started) / 1_000_000, output);
    }
}
