package kz.hearingstate.routing.classification;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial logistic regression (softmax) over {@link TextFeatures}, trained by stochastic gradient
 * descent with a fixed seed, so the same training set always gives the same model.
 *
 * <p>Why logistic regression rather than naive Bayes: overlapping character n-grams break naive Bayes'
 * independence assumption, so its probabilities are nearly always 0 or 1 and useless as a confidence.
 * Logistic regression's probabilities track how often it is right, which is what the triage threshold
 * needs. Each appeal's features are binary and scaled by 1/sqrt(count), so long and short texts weigh alike.
 */
public final class LogisticRegressionModel {

    private static final int FORMAT_VERSION = 1;

    private final List<String> labels;
    private final Map<String, float[]> weights;
    private final float[] bias;

    private LogisticRegressionModel(List<String> labels, Map<String, float[]> weights, float[] bias) {
        this.labels = List.copyOf(labels);
        this.weights = weights;
        this.bias = bias;
    }

    public List<String> labels() {
        return labels;
    }

    public int featureCount() {
        return weights.size();
    }

    public static LogisticRegressionModel train(List<LabelledAppeal> appeals, Training training) {
        List<String> labels = appeals.stream().map(LabelledAppeal::department).distinct().sorted().toList();
        Map<String, Integer> index = new HashMap<>();
        List<int[]> rows = new ArrayList<>();
        int[] targets = new int[appeals.size()];
        for (int i = 0; i < appeals.size(); i++) {
            rows.add(distinctFeatures(appeals.get(i).text()).stream()
                    .mapToInt(feature -> index.computeIfAbsent(feature, f -> index.size())).toArray());
            targets[i] = labels.indexOf(appeals.get(i).department());
        }
        int classes = labels.size();
        double[][] w = new double[classes][index.size()];
        double[] b = new double[classes];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Random random = new Random(training.seed());
        double rate = training.learningRate();
        double[] scores = new double[classes];
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                int[] row = rows.get(i);
                double scale = 1 / Math.sqrt(Math.max(1, row.length));
                for (int k = 0; k < classes; k++) {
                    double z = b[k];
                    for (int j : row) {
                        z += w[k][j] * scale;
                    }
                    scores[k] = z;
                }
                softmaxInPlace(scores);
                for (int k = 0; k < classes; k++) {
                    double gradient = scores[k] - (k == targets[i] ? 1 : 0);
                    b[k] -= rate * gradient;
                    for (int j : row) {
                        w[k][j] -= rate * (gradient * scale + training.l2() * w[k][j]);
                    }
                }
            }
            rate *= training.decay();
        }
        Map<String, float[]> weights = new HashMap<>(index.size() * 2);
        index.forEach((feature, j) -> {
            float[] column = new float[classes];
            for (int k = 0; k < classes; k++) {
                column[k] = (float) w[k][j];
            }
            weights.put(feature, column);
        });
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = (float) b[k];
        }
        return new LogisticRegressionModel(labels, weights, bias);
    }

    /** Probability per label, highest first, summing to 1. Features never seen in training are ignored. */
    public Map<String, Double> predict(String text) {
        List<float[]> known = new ArrayList<>();
        for (String feature : distinctFeatures(text)) {
            float[] column = weights.get(feature);
            if (column != null) {
                known.add(column);
            }
        }
        double scale = 1 / Math.sqrt(Math.max(1, known.size()));
        double[] scores = new double[labels.size()];
        for (int k = 0; k < scores.length; k++) {
            double z = bias[k];
            for (float[] column : known) {
                z += column[k] * scale;
            }
            scores[k] = z;
        }
        softmaxInPlace(scores);
        List<Integer> byScore = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            byScore.add(k);
        }
        byScore.sort((x, y) -> Double.compare(scores[y], scores[x]));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        byScore.forEach(k -> probabilities.put(labels.get(k), scores[k]));
        return probabilities;
    }

    public void writeTo(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(FORMAT_VERSION);
            data.writeInt(labels.size());
            for (String label : labels) {
                data.writeUTF(label);
            }
            for (float value : bias) {
                data.writeFloat(value);
            }
            data.writeInt(weights.size());
            for (Map.Entry<String, float[]> entry : weights.entrySet()) {
                data.writeUTF(entry.getKey());
                for (float value : entry.getValue()) {
                    data.writeFloat(value);
                }
            }
        }
    }

    public static LogisticRegressionModel readFrom(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
            int version = data.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("Unsupported classifier model format " + version);
            }
            int classes = data.readInt();
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                labels.add(data.readUTF());
            }
            float[] bias = new float[classes];
            for (int k = 0; k < classes; k++) {
                bias[k] = data.readFloat();
            }
            int features = data.readInt();
            Map<String, float[]> weights = new HashMap<>(features * 2);
            for (int i = 0; i < features; i++) {
                String feature = data.readUTF();
                float[] column = new float[classes];
                for (int k = 0; k < classes; k++) {
                    column[k] = data.readFloat();
                }
                weights.put(feature, column);
            }
            return new LogisticRegressionModel(labels, weights, bias);
        }
    }

    private static List<String> distinctFeatures(String text) {
        return new ArrayList<>(new LinkedHashSet<>(TextFeatures.of(text)));
    }

    private static void softmaxInPlace(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= sum;
        }
    }

    /** Hyper-parameters of {@link #train}; {@link #DEFAULT} is what the build uses. */
    public record Training(int epochs, double learningRate, double decay, double l2, long seed) {
        public static final Training DEFAULT = new Training(30, 0.5, 0.9, 1e-5, 1L);
    }
}
