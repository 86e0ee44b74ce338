package kz.hearingstate.routing.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import kz.hearingstate.routing.directory.Department;

/**
 * The whole classifier (corruption detector, then the department model) run over a labelled set, with
 * every figure the evaluation report shows. An appeal is classified from its text alone, as a channel
 * without a category hint or settlement would send it.
 */
final class ClassifierEvaluation {

    /** One appeal's outcome. */
    record Outcome(LabelledAppeal appeal, RoutingDecision decision) {

        boolean topOneRight() {
            return appeal.department().equals(decision.classifiedAs());
        }

        /** Where it was routed is where it belongs (the triage desk is right only for akim-office's own appeals). */
        boolean routedRight() {
            return appeal.department().equals(decision.department());
        }

        boolean corruptionReport() {
            return Department.ANTI_CORRUPTION.equals(appeal.department());
        }

        boolean sentToAntiCorruption() {
            return Department.ANTI_CORRUPTION.equals(decision.department());
        }

        /** Sent to anti-corruption as a confidential triage: the detector's score was in its review band. */
        boolean reviewed() {
            return sentToAntiCorruption() && decision.triage();
        }
    }

    /** Counts of one group (a department, a language, a style). */
    static final class Tally {
        int appeals;
        int topOneRight;
        int routedRight;
        int triaged;

        void add(Outcome o) {
            appeals++;
            topOneRight += o.topOneRight() ? 1 : 0;
            routedRight += o.routedRight() ? 1 : 0;
            triaged += o.decision().triage() ? 1 : 0;
        }

        double topOne() {
            return ratio(topOneRight, appeals);
        }
    }

    final List<Outcome> outcomes;

    private ClassifierEvaluation(List<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    static ClassifierEvaluation run(AppealClassifier classifier, List<Department> departments, List<LabelledAppeal> set) {
        List<Outcome> outcomes = new ArrayList<>();
        for (LabelledAppeal appeal : set) {
            outcomes.add(new Outcome(appeal, classifier.classify(
                    new AppealClassifier.Input(null, appeal.text(), false, null, null), departments, List.of())));
        }
        return new ClassifierEvaluation(outcomes);
    }

    int size() {
        return outcomes.size();
    }

    double topOneAccuracy() {
        return ratio(outcomes.stream().filter(Outcome::topOneRight).count(), size());
    }

    double routedRightRate() {
        return ratio(outcomes.stream().filter(Outcome::routedRight).count(), size());
    }

    long triaged() {
        return outcomes.stream().filter(o -> o.decision().triage()).count();
    }

    double triageRate() {
        return ratio(triaged(), size());
    }

    /** Of the appeals not sent to the triage desk, the share that reached the right department. */
    double accuracyNotTriaged() {
        List<Outcome> confident = outcomes.stream().filter(o -> !o.decision().triage()).toList();
        return ratio(confident.stream().filter(Outcome::routedRight).count(), confident.size());
    }

    List<Outcome> corruptionReports() {
        return outcomes.stream().filter(Outcome::corruptionReport).toList();
    }

    /** Every corruption report that went anywhere but anti-corruption (the triage desk included). */
    List<Outcome> corruptionMissed() {
        return corruptionReports().stream().filter(o -> !o.sentToAntiCorruption()).toList();
    }

    List<Outcome> ordinaryAppeals() {
        return outcomes.stream().filter(o -> !o.corruptionReport()).toList();
    }

    /**
     * Ordinary appeals sent to anti-corruption as reports: the detector's (and rules') false positives. Those of the review
     * band are counted as triaged instead ({@link #reviewed}).
     */
    List<Outcome> falsePositives() {
        return ordinaryAppeals().stream().filter(o -> o.sentToAntiCorruption() && !o.reviewed()).toList();
    }

    /** Appeals sent to anti-corruption as a confidential triage (the detector's review band), reports or not. */
    List<Outcome> reviewed() {
        return outcomes.stream().filter(Outcome::reviewed).toList();
    }

    double falsePositiveRate() {
        return ratio(falsePositives().size(), ordinaryAppeals().size());
    }

    Map<String, Tally> by(Function<LabelledAppeal, String> key) {
        Map<String, Tally> tallies = new TreeMap<>();
        outcomes.forEach(o -> tallies.computeIfAbsent(String.valueOf(key.apply(o.appeal())), k -> new Tally()).add(o));
        return tallies;
    }

    /** Rows: the right department; columns: the model's first choice. */
    Map<String, Map<String, Integer>> confusion() {
        Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        for (Outcome o : outcomes) {
            matrix.computeIfAbsent(o.appeal().department(), k -> new TreeMap<>())
                    .merge(String.valueOf(o.decision().classifiedAs()), 1, Integer::sum);
        }
        return matrix;
    }

    String summary() {
        long reviewedReports = reviewed().stream().filter(Outcome::corruptionReport).count();
        return String.format(Locale.ROOT, "%d appeals: top-1 %.1f%%, routed right %.1f%%, triaged %.1f%% (%d of them confidentially "
                        + "at anti-corruption, of which %d corruption reports), right when not triaged %.1f%%, corruption reports %d of %d at anti-corruption, "
                        + "false positives %d of %d ordinary (%.1f%%)",
                size(), 100 * topOneAccuracy(), 100 * routedRightRate(), 100 * triageRate(), reviewed().size(), reviewedReports,
                100 * accuracyNotTriaged(), corruptionReports().size() - corruptionMissed().size(), corruptionReports().size(),
                falsePositives().size(), ordinaryAppeals().size(), 100 * falsePositiveRate());
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
