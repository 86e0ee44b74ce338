package kz.hearingstate.routing.classification;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
 * needs.
 *
 * <p>Each feature present in an appeal weighs its inverse document frequency in the training data,
 * {@code ln(appeals / appeals with the feature) + 1}, and the appeal's vector is scaled to length 1, so long and
 * short texts weigh alike. Without the weighting, the many n-grams every appeal shares ("ть ", " the") drown the
 * rare ones that name the matter; with it, the model separated departments and corruption reports better (cross-
 * validated on the hand-written training appeals: departments right 86.0% to 88.6%; docs/routing-evaluation.md).
 *
 * <p>A second model of the same kind, over the words and pairs of words alone ({@link #isWordFeature}), is trained
 * beside it, and the two models' probabilities are averaged ({@link #WORDS_WEIGHT}). The character n-grams cope with
 * suffixes and typos but also match the setting an appeal mentions (a school, a hospital) as strongly as the matter;
 * the words model sees the text another way, and the average of the two separated corruption reports from ordinary
 * appeals better on the validation split (AUC 0.9979 to 0.9982, false positives 16 to 14 of 540, routed right 91.3% to
 * 91.6%).
 */
public final class LogisticRegressionModel {

    private static final int FORMAT_VERSION = 3;

    private final List<String> labels;
    /** Per feature: its weight per label, and last its inverse document frequency. */
    private final Map<String, float[]> weights;
    private final float[] bias;
    /** The model over words and word pairs alone, whose probabilities are averaged with this one's; null in itself. */
    private final LogisticRegressionModel words;

    private LogisticRegressionModel(List<String> labels, Map<String, float[]> weights, float[] bias, LogisticRegressionModel words) {
        this.labels = List.copyOf(labels);
        this.weights = weights;
        this.bias = bias;
        this.words = words;
    }

    public List<String> labels() {
        return labels;
    }

    public int featureCount() {
        return weights.size();
    }

    public static LogisticRegressionModel train(List<LabelledAppeal> appeals, Training training) {
        List<String> labels = appeals.stream().map(LabelledAppeal::department).distinct().sorted().toList();
        List<List<String>> features = appeals.stream().map(a -> distinctFeatures(a.text())).toList();
        LogisticRegressionModel words = WORDS_WEIGHT <= 0 ? null : train(labels, appeals, features.stream()
                .map(list -> list.stream().filter(LogisticRegressionModel::isWordFeature).toList()).toList(), training, null);
        return train(labels, appeals, features, training, words);
    }

    /**
     * The words model's share of the averaged probabilities, chosen on the validation split: 0.3 (top-1 93.7%, 14 false
     * positives) over 0 (93.7%, 16), 0.5 (93.5%, 14) and 0.7 (92.1%, 15).
     */
    static final double WORDS_WEIGHT = 0.3;

    /** Whole words ("w:") and pairs of neighbouring words ("b:") of {@link TextFeatures}: the words model's features. */
    static boolean isWordFeature(String feature) {
        return feature.startsWith("w:") || feature.startsWith("b:");
    }

    private static LogisticRegressionModel train(List<String> labels, List<LabelledAppeal> appeals, List<List<String>> features,
            Training training, LogisticRegressionModel words) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        features.forEach(list -> list.forEach(feature -> documentFrequency.merge(feature, 1, Integer::sum)));
        Map<String, Integer> index = new HashMap<>();
        List<int[]> rows = new ArrayList<>();
        int[] targets = new int[appeals.size()];
        for (int i = 0; i < appeals.size(); i++) {
            rows.add(features.get(i).stream()
                    .filter(feature -> documentFrequency.get(feature) >= training.minAppeals())
                    .mapToInt(feature -> index.computeIfAbsent(feature, f -> index.size())).toArray());
            targets[i] = labels.indexOf(appeals.get(i).department());
        }
        double[] idf = new double[index.size()];
        index.forEach((feature, j) -> idf[j] = Math.log(appeals.size() / (double) documentFrequency.get(feature)) + 1);
        List<double[]> values = new ArrayList<>();
        for (int[] row : rows) {
            values.add(unitLength(Arrays.stream(row).mapToDouble(j -> idf[j]).toArray()));
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
                double[] value = values.get(i);
                for (int k = 0; k < classes; k++) {
                    double z = b[k];
                    for (int q = 0; q < row.length; q++) {
                        z += w[k][row[q]] * value[q];
                    }
                    scores[k] = z;
                }
                softmaxInPlace(scores);
                for (int k = 0; k < classes; k++) {
                    double gradient = scores[k] - (k == targets[i] ? 1 : 0);
                    b[k] -= rate * gradient;
                    for (int q = 0; q < row.length; q++) {
                        int j = row[q];
                        w[k][j] -= rate * (gradient * value[q] + training.l2() * w[k][j]);
                    }
                }
            }
            rate *= training.decay();
        }
        Map<String, float[]> weights = new HashMap<>(index.size() * 2);
        index.forEach((feature, j) -> {
            float[] column = new float[classes + 1];
            for (int k = 0; k < classes; k++) {
                column[k] = (float) w[k][j];
            }
            column[classes] = (float) idf[j];
            weights.put(feature, column);
        });
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = (float) b[k];
        }
        return new LogisticRegressionModel(labels, weights, bias, words);
    }

    /** Probability per label, highest first, summing to 1. Features never seen in training are ignored. */
    public Map<String, Double> predict(String text) {
        List<String> features = distinctFeatures(text);
        double[] scores = scores(features);
        if (words != null) {
            // The words model knows only word and pair features: the character n-grams would all miss its map.
            double[] byWords = words.scores(features.stream().filter(LogisticRegressionModel::isWordFeature).toList());
            for (int k = 0; k < scores.length; k++) {
                scores[k] = (1 - WORDS_WEIGHT) * scores[k] + WORDS_WEIGHT * byWords[k];
            }
        }
        List<Integer> byScore = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            byScore.add(k);
        }
        byScore.sort((x, y) -> Double.compare(scores[y], scores[x]));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        byScore.forEach(k -> probabilities.put(labels.get(k), scores[k]));
        return probabilities;
    }

    private double[] scores(List<String> features) {
        List<float[]> known = new ArrayList<>();
        for (String feature : features) {
            float[] column = weights.get(feature);
            if (column != null) {
                known.add(column);
            }
        }
        int classes = labels.size();
        double[] value = new double[known.size()];
        for (int q = 0; q < value.length; q++) {
            value[q] = known.get(q)[classes];
        }
        unitLength(value);
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            double z = bias[k];
            for (int q = 0; q < value.length; q++) {
                z += known.get(q)[k] * value[q];
            }
            scores[k] = z;
        }
        softmaxInPlace(scores);
        return scores;
    }

    public void writeTo(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(FORMAT_VERSION);
            writeBody(data);
            data.writeBoolean(words != null);
            if (words != null) {
                words.writeBody(data);
            }
        }
    }

    private void writeBody(DataOutputStream data) throws IOException {
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

    public static LogisticRegressionModel readFrom(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
            int version = data.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("Unsupported classifier model format " + version);
            }
            LogisticRegressionModel model = readBody(data);
            return data.readBoolean() ? new LogisticRegressionModel(model.labels, model.weights, model.bias, readBody(data)) : model;
        }
    }

    private static LogisticRegressionModel readBody(DataInputStream data) throws IOException {
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
            float[] column = new float[classes + 1];
            for (int k = 0; k <= classes; k++) {
                column[k] = data.readFloat();
            }
            weights.put(feature, column);
        }
        return new LogisticRegressionModel(labels, weights, bias, null);
    }

    /** Scales an appeal's feature weights (inverse document frequencies) in place so its vector has length 1. */
    private static double[] unitLength(double[] value) {
        double squares = 0;
        for (double v : value) {
            squares += v * v;
        }
        double scale = 1 / Math.sqrt(Math.max(1, squares));
        for (int q = 0; q < value.length; q++) {
            value[q] *= scale;
        }
        return value;
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

    /**
     * Hyper-parameters of {@link #train}; {@link #DEPARTMENTS} and {@link #DETECTOR} are what the build uses.
     *
     * @param minAppeals a feature seen in fewer training appeals is left out: a feature of one appeal only teaches
     *                   that appeal, and such features were a third of the model (dropping them changed no figure)
     */
    public record Training(int epochs, double learningRate, double decay, double l2, long seed, int minAppeals) {
        /** The corruption detector's own model: no setting of its own moved a cross-validated figure. */
        public static final Training DETECTOR = new Training(30, 1.0, 0.9, 1e-5, 1L, 2);
        /**
         * The department model, with L2 100 times the detector's: softer probabilities route a little better and, as
         * half of the detector's score, separate reports better (cross-validated, L2 from 1e-5 to 1e-2:
         * docs/routing-evaluation.md, "The department model's L2").
         */
        public static final Training DEPARTMENTS = new Training(30, 1.0, 0.9, 1e-3, 1L, 2);
    }
}
