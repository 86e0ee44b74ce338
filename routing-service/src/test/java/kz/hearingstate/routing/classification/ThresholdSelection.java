package kz.hearingstate.routing.classification;

import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.routing.directory.Department;

/**
 * Chooses the three thresholds on the validation split (never on the evaluation set):
 * <ul>
 *   <li><b>corruption threshold</b>, recall first: the lowest threshold that catches as many validation
 *       reports as any threshold whose false positives on the ordinary validation appeals stay within issue 14's
 *       aim, {@link #FALSE_POSITIVE_AIM}. Every report when that is possible within the aim. The lowest such threshold
 *       leaves the widest margin for reports worded unlike any seen, and spends the whole false-positive allowance:
 *       the allowance is therefore the aim itself, not a looser ceiling (a ceiling of 5% on 300 validation appeals
 *       chose 0.24, whose false positives on the evaluation set were 8.0%);</li>
 *   <li><b>review threshold</b> of the corruption detector: from it up to the corruption threshold an appeal goes to
 *       anti-corruption as a confidential triage (a report must never reach the accused's department, and the
 *       akim-office desk is not confidential). The lowest threshold whose band holds at most {@link #REVIEW_BUDGET} of
 *       the validation appeals: safety takes its share of the triage budget first;</li>
 *   <li><b>confidence threshold</b> of the triage desk: the one with the lowest cost on validation, where a
 *       misrouted appeal costs 1 (the wrong department must notice and forward it, days later) and a triaged
 *       one {@link #TRIAGE_COST} (the desk routes it by hand), with at most {@link #TRIAGE_BUDGET} triaged, the review band
 *       included.</li>
 * </ul>
 * Each validation appeal is classified once with the detector's model switched off and no triage; the
 * outcome at any pair of thresholds follows from its detector probability and the model's confidence, as in
 * {@link AppealClassifier}. The report checks that this replay agrees with the real classifier.
 */
final class ThresholdSelection {

    static final double FALSE_POSITIVE_AIM = 0.03;
    static final double TRIAGE_BUDGET = 0.05;
    static final double REVIEW_BUDGET = 0.03;
    /** Where an appeal of the review band goes in the replay: anti-corruption, as a confidential triage. */
    static final String REVIEW = "review";
    static final double TRIAGE_COST = 0.5;
    static final double STEP = 0.01;

    /** What the replay needs of one appeal. */
    record Scored(LabelledAppeal appeal, boolean rule, double corruptionProbability, String firstChoice, double confidence) {

        boolean corruptionReport() {
            return Department.ANTI_CORRUPTION.equals(appeal.department());
        }

        /** Where the classifier sends it at these thresholds; "triage" for the triage desk, {@link #REVIEW} for the band. */
        String routedTo(double corruptionThreshold, double reviewThreshold, double confidenceThreshold) {
            if (rule || corruptionProbability >= corruptionThreshold) {
                return Department.ANTI_CORRUPTION;
            }
            if (corruptionProbability >= reviewThreshold) {
                return REVIEW;
            }
            return confidence < confidenceThreshold ? "triage" : firstChoice;
        }
    }

    /**
     * The figures of one set of thresholds on the validation split. An appeal of the review band ({@code reviewed}, of
     * which {@code reviewedReports} are reports) counts as triaged: caught when it is a report (it is at anti-corruption),
     * but not a false positive when it is not (it is triaged, confidentially, like the desk's appeals).
     */
    record Point(double corruptionThreshold, double confidenceThreshold, int corruptionReports, int caught, int ordinary,
            int falsePositives, int triaged, int misrouted, int appeals, int reviewed, int reviewedReports) {

        double falsePositiveRate() {
            return ClassifierEvaluation.ratio(falsePositives, ordinary);
        }

        double triageRate() {
            return ClassifierEvaluation.ratio(triaged, appeals);
        }

        double cost() {
            return misrouted + TRIAGE_COST * triaged;
        }
    }

    final List<Scored> scored;

    ThresholdSelection(LogisticRegressionModel departments, LogisticRegressionModel corruption, double hintWeight,
            List<LabelledAppeal> validation) {
        this(score(departments, corruption, hintWeight, validation));
    }

    /** A selection over appeals already scored. */
    ThresholdSelection(List<Scored> scored) {
        this.scored = List.copyOf(scored);
    }

    private static List<Scored> score(LogisticRegressionModel departments, LogisticRegressionModel corruption, double hintWeight,
            List<LabelledAppeal> validation) {
        CorruptionDetector detector = new CorruptionDetector(corruption, Double.POSITIVE_INFINITY);
        AppealClassifier untriaged = new AppealClassifier(detector, departments, 0.0, hintWeight);
        List<Scored> list = new ArrayList<>();
        var directory = Directories.zhambyl();
        for (LabelledAppeal appeal : validation) {
            RoutingDecision decision = untriaged.classify(new AppealClassifier.Input(null, appeal.text(), false, null, null),
                    directory, List.of());
            boolean rule = SafetyRules.reportsCorruption(appeal.text());
            list.add(new Scored(appeal, rule, detector.probability(appeal.text(), departments.predict(appeal.text())), decision.classifiedAs(), decision.confidence()));
        }
        return list;
    }

    /** Without a review band. */
    Point at(double corruptionThreshold, double confidenceThreshold) {
        return at(corruptionThreshold, corruptionThreshold, confidenceThreshold);
    }

    Point at(double corruptionThreshold, double reviewThreshold, double confidenceThreshold) {
        int reports = 0, caught = 0, ordinary = 0, falsePositives = 0, triaged = 0, misrouted = 0, reviewed = 0, reviewedReports = 0;
        for (Scored s : scored) {
            String to = s.routedTo(corruptionThreshold, reviewThreshold, confidenceThreshold);
            boolean toAntiCorruption = to.equals(Department.ANTI_CORRUPTION) || to.equals(REVIEW);
            if (s.corruptionReport()) {
                reports++;
                caught += toAntiCorruption ? 1 : 0;
            } else {
                ordinary++;
                falsePositives += to.equals(Department.ANTI_CORRUPTION) ? 1 : 0;
            }
            if (to.equals(REVIEW)) {
                reviewed++;
                reviewedReports += s.corruptionReport() ? 1 : 0;
                triaged++;
            } else if (to.equals("triage")) {
                triaged++;
            } else if (!to.equals(s.appeal().department())) {
                misrouted++;
            }
        }
        return new Point(corruptionThreshold, confidenceThreshold, reports, caught, ordinary, falsePositives, triaged,
                misrouted, scored.size(), reviewed, reviewedReports);
    }

    /** The lowest threshold with the most validation reports caught among those within the false-positive aim. */
    double corruptionThreshold() {
        double chosen = 1;
        int mostCaught = -1;
        for (double t = STEP; t < 1; t = round(t + STEP)) {
            Point p = at(t, 0);
            if (p.falsePositiveRate() <= FALSE_POSITIVE_AIM && p.caught() > mostCaught) {
                mostCaught = p.caught();
                chosen = t;
            }
        }
        return chosen;
    }

    /** The highest threshold that still catches every validation report (for the report: what full recall costs). */
    double allCaughtThreshold() {
        double allCaught = 0;
        for (double t = STEP; t < 1; t = round(t + STEP)) {
            Point p = at(t, 0);
            if (p.caught() == p.corruptionReports()) {
                allCaught = t;
            }
        }
        return allCaught;
    }

    /** The lowest review threshold whose band holds at most the review budget of the validation appeals. */
    double reviewThreshold(double corruptionThreshold) {
        double chosen = corruptionThreshold;
        for (double t = round(corruptionThreshold - STEP); t > 0; t = round(t - STEP)) {
            if (ClassifierEvaluation.ratio(at(corruptionThreshold, t, 0).reviewed(), scored.size()) > REVIEW_BUDGET) {
                break;
            }
            chosen = t;
        }
        return chosen;
    }

    /**
     * The confidence threshold of lowest cost with at most the triage budget, the review band included. On ties, the
     * one with fewer misrouted appeals: a misrouted appeal is read by a department it does not concern, and waits
     * days longer (with the band, the lowest tied threshold would have switched the desk off: 0.00 and 0.42 cost the
     * same on validation). On a full tie, where no validation appeal lies between two thresholds, the highest: the desk
     * then sees the appeals the model is least sure of, at no cost on validation, instead of being switched off (the
     * model of 4 December, afternoon, cost the same from 0.00 to past 0.20).
     */
    double confidenceThreshold(double corruptionThreshold, double reviewThreshold) {
        Point best = null;
        for (double t = 0; t < 1; t = round(t + STEP)) {
            Point p = at(corruptionThreshold, reviewThreshold, t);
            if (p.triageRate() <= TRIAGE_BUDGET && (best == null || p.cost() < best.cost()
                    || (p.cost() == best.cost() && p.misrouted() <= best.misrouted()))) {
                best = p;
            }
        }
        return best == null ? 0 : best.confidenceThreshold();
    }

    static double round(double t) {
        return Math.round(t * 100) / 100.0;
    }
}
