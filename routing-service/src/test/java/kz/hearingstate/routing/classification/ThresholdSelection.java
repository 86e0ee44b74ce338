package kz.hearingstate.routing.classification;

import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.routing.directory.Department;

/**
 * Chooses the two thresholds on the validation split (never on the evaluation set):
 * <ul>
 *   <li><b>corruption threshold</b>, recall first: the lowest threshold that catches as many validation
 *       reports as any threshold whose false positives on the ordinary validation appeals stay within issue 14's
 *       aim, {@link #FALSE_POSITIVE_AIM}. Every report when that is possible within the aim. The lowest such threshold
 *       leaves the widest margin for reports worded unlike any seen, and spends the whole false-positive allowance:
 *       the allowance is therefore the aim itself, not a looser ceiling (a ceiling of 5% on 300 validation appeals
 *       chose 0.24, whose false positives on the evaluation set were 8.0%);</li>
 *   <li><b>confidence threshold</b> of the triage desk: the one with the lowest cost on validation, where a
 *       misrouted appeal costs 1 (the wrong department must notice and forward it, days later) and a triaged
 *       one {@link #TRIAGE_COST} (the desk routes it by hand), with at most {@link #TRIAGE_BUDGET} triaged.</li>
 * </ul>
 * Each validation appeal is classified once with the detector's model switched off and no triage; the
 * outcome at any pair of thresholds follows from its detector probability and the model's confidence, as in
 * {@link AppealClassifier}. The report checks that this replay agrees with the real classifier.
 */
final class ThresholdSelection {

    static final double FALSE_POSITIVE_AIM = 0.03;
    static final double TRIAGE_BUDGET = 0.05;
    static final double TRIAGE_COST = 0.5;
    static final double STEP = 0.01;

    /** What the replay needs of one appeal. */
    record Scored(LabelledAppeal appeal, boolean rule, double corruptionProbability, String firstChoice, double confidence) {

        boolean corruptionReport() {
            return Department.ANTI_CORRUPTION.equals(appeal.department());
        }

        /** Where the classifier sends it at these thresholds; "triage" for the triage desk. */
        String routedTo(double corruptionThreshold, double confidenceThreshold) {
            if (rule || corruptionProbability >= corruptionThreshold) {
                return Department.ANTI_CORRUPTION;
            }
            return confidence < confidenceThreshold ? "triage" : firstChoice;
        }
    }

    /** The figures of one pair of thresholds on the validation split. */
    record Point(double corruptionThreshold, double confidenceThreshold, int corruptionReports, int caught, int ordinary,
            int falsePositives, int triaged, int misrouted, int appeals) {

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
        this.scored = List.copyOf(list);
    }

    Point at(double corruptionThreshold, double confidenceThreshold) {
        int reports = 0, caught = 0, ordinary = 0, falsePositives = 0, triaged = 0, misrouted = 0;
        for (Scored s : scored) {
            String to = s.routedTo(corruptionThreshold, confidenceThreshold);
            if (s.corruptionReport()) {
                reports++;
                caught += to.equals(Department.ANTI_CORRUPTION) ? 1 : 0;
            } else {
                ordinary++;
                falsePositives += to.equals(Department.ANTI_CORRUPTION) ? 1 : 0;
            }
            if (to.equals("triage")) {
                triaged++;
            } else if (!to.equals(s.appeal().department())) {
                misrouted++;
            }
        }
        return new Point(corruptionThreshold, confidenceThreshold, reports, caught, ordinary, falsePositives, triaged,
                misrouted, scored.size());
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

    /** The confidence threshold of lowest cost with at most the triage budget (the lowest such threshold on ties). */
    double confidenceThreshold(double corruptionThreshold) {
        double best = 0;
        double bestCost = Double.MAX_VALUE;
        for (double t = 0; t < 1; t = round(t + STEP)) {
            Point p = at(corruptionThreshold, t);
            if (p.triageRate() <= TRIAGE_BUDGET && p.cost() < bestCost) {
                best = t;
                bestCost = p.cost();
            }
        }
        return best;
    }

    static double round(double t) {
        return Math.round(t * 100) / 100.0;
    }
}
