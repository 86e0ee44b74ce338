package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.hearingstate.routing.directory.Department;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Five-fold cross-validation over the hand-written training appeals: each fold's hand-written appeals are held out,
 * both models are trained on the rest of the training data, and the held-out appeals are scored. With thousands of
 * appeals it estimates what a change does on unseen appeals better than the validation split, against whose mistakes
 * earlier training appeals were written. Not part of the build; run with {@code -Dclassifier.crossvalidate=run}
 * (about 2 minutes). Writes {@code target/cross-validation.txt}: departments right on ordinary appeals (per department,
 * language, style, and their confusion), the detector's AUC, reports caught and false positives at a few thresholds,
 * and the held-out appeals it gets wrong.
 *
 * <p>All versions of one text share a fold ({@link #translationGroups}): most hand-written appeals are kk, ru and en
 * versions of one text, and a version scored by a model trained on the others would overstate every figure. A group's
 * fold follows from its first id, so adding appeals does not move the others. The files named in
 * {@code -Dclassifier.crossvalidate.train-always=a.jsonl,b.jsonl} are trained on in every fold and never scored:
 * a before/after comparison of new data then scores the same appeals.
 */
@EnabledIfSystemProperty(named = "classifier.crossvalidate", matches = "run")
class CrossValidation {

    static final int FOLDS = 5;
    static final Path RESULT = Path.of("target/cross-validation.txt");
    private static final double[] THRESHOLDS = {0.15, 0.18, 0.2, 0.21, 0.25, 0.3, 0.35, 0.4};

    /** One held-out appeal's scores. */
    record Scored(LabelledAppeal appeal, boolean rule, double corruption, String department) {

        boolean report() {
            return Department.ANTI_CORRUPTION.equals(appeal.department());
        }

        boolean flagged(double threshold) {
            return rule || corruption >= threshold;
        }
    }

    /**
     * A model's training, with its L2 from {@code -Dclassifier.crossvalidate.<model>.l2} when given (for comparing
     * settings: the models' other hyper-parameters changed no figure when last tried).
     */
    static LogisticRegressionModel.Training trainingOf(String model, LogisticRegressionModel.Training shipped) {
        String l2 = System.getProperty("classifier.crossvalidate." + model + ".l2");
        return l2 == null ? shipped : new LogisticRegressionModel.Training(shipped.epochs(), shipped.learningRate(),
                shipped.decay(), Double.parseDouble(l2), shipped.seed(), shipped.minAppeals());
    }

    @Test
    void crossValidate() throws IOException {
        Set<String> trainAlways = Set.of(System.getProperty("classifier.crossvalidate.train-always", "").split(","));
        List<LabelledAppeal> scoredSet = new ArrayList<>();
        List<List<LabelledAppeal>> groups = new ArrayList<>();
        for (Map.Entry<String, List<LabelledAppeal>> file : handwrittenFiles().entrySet()) {
            if (!trainAlways.contains(file.getKey())) {
                scoredSet.addAll(file.getValue());
                groups.addAll(translationGroups(file.getValue()));
            }
        }
        Map<String, Integer> folds = folds(groups);
        List<LabelledAppeal> training = LabelledSets.training();
        List<Scored> scored = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            Set<String> heldOut = scoredSet.stream().filter(a -> folds.get(a.id()) == f).map(LabelledAppeal::id)
                    .collect(Collectors.toSet());
            List<LabelledAppeal> rest = training.stream().filter(a -> !heldOut.contains(a.id())).toList();
            CompletableFuture<LogisticRegressionModel> corruption = CompletableFuture.supplyAsync(
                    () -> CorruptionDetector.train(rest, trainingOf("detector", LogisticRegressionModel.Training.DETECTOR)));
            LogisticRegressionModel departments = LogisticRegressionModel.train(rest,
                    trainingOf("departments", LogisticRegressionModel.Training.DEPARTMENTS));
            CorruptionDetector detector = new CorruptionDetector(corruption.join(), 1);
            for (LabelledAppeal a : scoredSet) {
                if (folds.get(a.id()) == f) {
                    Map<String, Double> p = departments.predict(a.text());
                    String first = p.entrySet().stream().filter(e -> !Department.ANTI_CORRUPTION.equals(e.getKey()))
                            .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                    scored.add(new Scored(a, SafetyRules.reportsCorruption(a.text()), detector.probability(a.text(), p), first));
                }
            }
            System.out.printf("fold %d: %d held out, trained on %d%n", fold, heldOut.size(), rest.size());
        }
        String report = report(scored, trainAlways);
        Files.writeString(RESULT, report);
        System.out.println(report.substring(0, report.indexOf("\n## held-out")));
    }

    /** The thresholds {@link ThresholdSelection} chooses on the validation split for the models the build trained. */
    @Test
    void chooseThresholdsOnValidation() {
        ThresholdSelection selection = new ThresholdSelection(Directories.model(), Directories.corruptionModel(),
                Directories.shippedSettings().hintWeight(), LabelledSets.heldOut(LabelledSets.VALIDATION));
        double corruption = selection.corruptionThreshold();
        double review = selection.reviewThreshold(corruption);
        double confidence = selection.confidenceThreshold(corruption, review);
        ThresholdSelection.Point p = selection.at(corruption, review, confidence);
        System.out.printf(Locale.ROOT, "selected on validation: corruption %.2f, review from %.2f, confidence %.2f: reports caught %d of %d, "
                        + "false positives %d of %d, triaged %d (band %d), misrouted %d of %d%n", corruption, review, confidence,
                p.caught(), p.corruptionReports(), p.falsePositives(), p.ordinary(), p.triaged(), p.reviewed(), p.misrouted(), p.appeals());
    }

    /** The hand-written training files by name, each file's appeals in file order. */
    static Map<String, List<LabelledAppeal>> handwrittenFiles() throws IOException {
        Map<String, List<LabelledAppeal>> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(LabelledSets.TRAINING.resolve("handwritten"))) {
            for (Path file : list.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                try (var in = Files.newInputStream(file)) {
                    files.put(file.getFileName().toString(), LabelledAppeal.readJsonLines(in));
                }
            }
        }
        return files;
    }

    /**
     * One file's appeals cut into translation groups: the versions of one text. The data has no field that ties them;
     * they are written on consecutive lines, in one style, each language once (kk, ru and en in any order, sometimes
     * one of them deleted). A group is therefore a run of consecutive appeals of one style with no language twice, at
     * most three. Files written by language (twenty ru, then twenty en, ...) give groups of one. A run of unrelated
     * texts that happens to fit the rule is grouped too, which only makes the folds coarser; versions written far
     * apart are not found (docs/routing-evaluation.md says how the rule was checked on the data).
     */
    static List<List<LabelledAppeal>> translationGroups(List<LabelledAppeal> file) {
        List<List<LabelledAppeal>> groups = new ArrayList<>();
        List<LabelledAppeal> group = new ArrayList<>();
        for (LabelledAppeal appeal : file) {
            if (!group.isEmpty() && !continues(group, appeal)) {
                groups.add(group);
                group = new ArrayList<>();
            }
            group.add(appeal);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private static boolean continues(List<LabelledAppeal> group, LabelledAppeal next) {
        return group.size() < 3 && group.getFirst().style().equals(next.style())
                && group.stream().noneMatch(a -> a.language().equals(next.language()));
    }

    /** Each appeal's fold by id: a group's fold follows from its first id, and every version gets it. */
    static Map<String, Integer> folds(List<List<LabelledAppeal>> groups) {
        Map<String, Integer> folds = new HashMap<>();
        for (List<LabelledAppeal> group : groups) {
            int fold = Math.floorMod(group.getFirst().id().hashCode() * 31 + 7, FOLDS);
            group.forEach(a -> folds.put(a.id(), fold));
        }
        return folds;
    }

    static String report(List<Scored> scored, Set<String> trainAlways) {
        List<Scored> reports = scored.stream().filter(Scored::report).toList();
        List<Scored> ordinary = scored.stream().filter(s -> !s.report()).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "# five-fold cross-validation: %d hand-written appeals scored (%d reports, %d ordinary); trained always: %s%n",
                scored.size(), reports.size(), ordinary.size(), trainAlways));
        long right = ordinary.stream().filter(s -> s.department().equals(s.appeal().department())).count();
        out.append(String.format(Locale.ROOT, "departments right (ordinary, first non-anti-corruption choice): %d of %d = %.2f%%%n",
                right, ordinary.size(), 100.0 * right / ordinary.size()));
        out.append(String.format(Locale.ROOT, "detector AUC (score only): %.4f%n", auc(reports, ordinary)));
        for (double t : THRESHOLDS) {
            long caught = reports.stream().filter(s -> s.flagged(t)).count();
            long fp = ordinary.stream().filter(s -> s.flagged(t)).count();
            long topOne = scored.stream().filter(s -> (s.flagged(t) ? Department.ANTI_CORRUPTION : s.department())
                    .equals(s.appeal().department())).count();
            out.append(String.format(Locale.ROOT, "at %.2f (rules included): reports caught %d of %d (%.1f%%), false positives %d of %d (%.1f%%), top-1 %.2f%%%n",
                    t, caught, reports.size(), 100.0 * caught / reports.size(), fp, ordinary.size(), 100.0 * fp / ordinary.size(),
                    100.0 * topOne / scored.size()));
        }
        double forAim = 1;
        for (double t = 0.99; t > 0; t = ThresholdSelection.round(t - 0.01)) {
            double tt = t;
            if (ordinary.stream().filter(s -> s.flagged(tt)).count() > ThresholdSelection.FALSE_POSITIVE_AIM * ordinary.size()) {
                break;
            }
            forAim = t;
        }
        double aim = forAim;
        out.append(String.format(Locale.ROOT, "lowest threshold within 3%% false positives: %.2f, catching %d of %d%n", aim,
                reports.stream().filter(s -> s.flagged(aim)).count(), reports.size()));
        tally(out, "department", ordinary, s -> s.appeal().department());
        tally(out, "language", ordinary, s -> s.appeal().language());
        tally(out, "style", ordinary, s -> s.appeal().style());
        out.append("\n## false positives at 0.21 by department / language / style\n");
        for (Function<Scored, String> key : List.<Function<Scored, String>>of(s -> s.appeal().department(), s -> s.appeal().language(), s -> s.appeal().style())) {
            out.append(String.valueOf(ordinary.stream().filter(s -> s.flagged(0.21)).collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting())))).append('\n');
        }
        List<Scored> missed = reports.stream().filter(s -> !s.flagged(0.21)).toList();
        out.append("reports missed at 0.21 by language / style: ")
                .append(String.valueOf(missed.stream().collect(Collectors.groupingBy(s -> s.appeal().language(), TreeMap::new, Collectors.counting()))))
                .append(' ')
                .append(String.valueOf(missed.stream().collect(Collectors.groupingBy(s -> s.appeal().style(), TreeMap::new, Collectors.counting()))))
                .append('\n');
        out.append("\n## confusion (ordinary appeals: right -> chosen, count)\n");
        ordinary.stream().filter(s -> !s.department().equals(s.appeal().department()))
                .collect(Collectors.groupingBy(s -> s.appeal().department() + " -> " + s.department(), TreeMap::new, Collectors.counting()))
                .forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        out.append("\n## held-out appeals the models get wrong (training texts)\n");
        out.append("### false positives at 0.21, highest score first\n");
        ordinary.stream().filter(s -> s.flagged(0.21)).sorted(Comparator.comparingDouble(Scored::corruption).reversed())
                .forEach(s -> line(out, s));
        out.append("### reports missed at 0.21\n");
        reports.stream().filter(s -> !s.flagged(0.21)).forEach(s -> line(out, s));
        out.append("### wrong department\n");
        ordinary.stream().filter(s -> !s.department().equals(s.appeal().department())).forEach(s -> line(out, s));
        return out.toString();
    }

    private static void tally(StringBuilder out, String title, List<Scored> ordinary, Function<Scored, String> key) {
        out.append("\nper ").append(title).append(" (departments right):\n");
        ordinary.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList())).forEach((k, list) -> {
            long right = list.stream().filter(s -> s.department().equals(s.appeal().department())).count();
            out.append(String.format(Locale.ROOT, "  %-20s %4d of %4d = %.1f%%%n", k, right, list.size(), 100.0 * right / list.size()));
        });
    }

    private static void line(StringBuilder out, Scored s) {
        out.append(String.format(Locale.ROOT, "%s %s %s %s score %.2f chose %s: %s%n", s.appeal().id(), s.appeal().department(),
                s.appeal().language(), s.appeal().style(), s.corruption(), s.department(), s.appeal().text()));
    }

    /** The chance that a random report scores above a random ordinary appeal (ties count half). */
    static double auc(List<Scored> reports, List<Scored> ordinary) {
        double[] o = ordinary.stream().mapToDouble(Scored::corruption).sorted().toArray();
        double sum = 0;
        for (Scored r : reports) {
            int below = lowerBound(o, r.corruption());
            int notAbove = upperBound(o, r.corruption());
            sum += below + (notAbove - below) / 2.0;
        }
        return sum / ((double) reports.size() * o.length);
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
