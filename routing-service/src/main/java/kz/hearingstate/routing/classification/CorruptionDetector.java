package kz.hearingstate.routing.classification;

import java.util.List;
import java.util.Map;

import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.directory.Department;

/**
 * Decides whether an appeal reports corruption, before any department is considered. Its score is the mean of
 * two views of the text: its own model, a binary logistic regression over the same {@link TextFeatures} trained
 * on corruption reports against ordinary appeals (many of which mention money innocently: tariffs, benefits,
 * fines), and the department model's probability for anti-corruption, which weighs the report against what each
 * department's ordinary appeals look like (on the validation split the mean separated reports from ordinary
 * appeals better than either alone). The {@link SafetyRules} catch what they match at any score. The threshold
 * is chosen on the validation split for recall: a report that reaches the accused's own department tells the
 * accused who reported them, while an ordinary appeal sent to anti-corruption only costs a forwarding.
 *
 * <p>Below the threshold lies a <b>review band</b>: an appeal whose score is at or above the review threshold is not
 * a confident finding, but it is still too likely a report to hand to the department the department model picked,
 * which may be the accused's own. It goes to anti-corruption as a confidential triage ({@link Finding#review}):
 * only anti-corruption reads it, and it forwards an ordinary appeal to the department the model suggests. The
 * akim-office triage desk is not confidential, so it is no safe place for a possible report.
 */
public final class CorruptionDetector {

    /** The label of corruption reports in the detector's model; every other appeal is {@link #ORDINARY}. */
    public static final String CORRUPTION = "corruption";
    public static final String ORDINARY = "ordinary";

    private final LogisticRegressionModel model;
    private final double threshold;
    private final double reviewThreshold;

    /** A detector without a review band. */
    public CorruptionDetector(LogisticRegressionModel model, double threshold) {
        this(model, threshold, threshold);
    }

    /**
     * @param model           the detector's own model ({@link #train})
     * @param reviewThreshold from this score up to {@code threshold}, the appeal goes to anti-corruption for a
     *                        confidential review; no band when it is not below {@code threshold}
     */
    public CorruptionDetector(LogisticRegressionModel model, double threshold, double reviewThreshold) {
        if (!model.labels().equals(List.of(CORRUPTION, ORDINARY))) {
            throw new IllegalArgumentException("Not a corruption detector model: labels " + model.labels());
        }
        this.model = model;
        this.threshold = threshold;
        this.reviewThreshold = reviewThreshold;
    }

    /** Trains the detector: every appeal labelled anti-corruption against all the others. */
    public static LogisticRegressionModel train(List<LabelledAppeal> appeals, LogisticRegressionModel.Training training) {
        return LogisticRegressionModel.train(appeals.stream()
                .map(a -> new LabelledAppeal(a.id(), a.language(), a.style(), a.text(),
                        isCorruption(a.department()) ? CORRUPTION : ORDINARY))
                .toList(), training);
    }

    static boolean isCorruption(String department) {
        return Department.ANTI_CORRUPTION.equals(department);
    }

    /**
     * The score, 0 to 1, that the text reports corruption (the rules are not included).
     *
     * @param departments the department model's probabilities for the same text
     */
    public double probability(String text, Map<String, Double> departments) {
        return (model.predict(text).get(CORRUPTION) + departments.getOrDefault(Department.ANTI_CORRUPTION, 0.0)) / 2;
    }

    /**
     * What the detector found: by rule (score 1), by score at or above the threshold, a score in the review band,
     * or nothing.
     */
    public Finding assess(String text, Map<String, Double> departments) {
        if (SafetyRules.reportsCorruption(text)) {
            return new Finding(true, false, 1.0, Reason.safetyCorruption());
        }
        double p = probability(text, departments);
        if (p < threshold && p >= reviewThreshold) {
            return new Finding(false, true, p, Reason.corruptionReview(p, reviewThreshold, threshold));
        }
        return new Finding(p >= threshold, false, p, Reason.corruptionDetector(p, threshold));
    }

    public double threshold() {
        return threshold;
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    /**
     * @param corruption whether the appeal goes to anti-corruption as a report
     * @param review     whether it goes to anti-corruption for a confidential review (the review band)
     * @param reason     why
     */
    public record Finding(boolean corruption, boolean review, double probability, Reason reason) {
    }
}
