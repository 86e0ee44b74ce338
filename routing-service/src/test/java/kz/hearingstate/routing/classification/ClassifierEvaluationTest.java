package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kz.hearingstate.routing.directory.Department;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the whole classifier (safety rules, then the model the build trained) on the shipped
 * evaluation set, which the trainer never sees. Prints per department, per language and per writing style.
 */
class ClassifierEvaluationTest {

    private static List<LabelledAppeal> evaluation;
    private static AppealClassifier classifier;
    private static List<Department> departments;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ClassifierEvaluationTest.class.getResourceAsStream("/classifier/evaluation-set.jsonl")) {
            evaluation = LabelledAppeal.readJsonLines(in);
        }
        classifier = new AppealClassifier(Directories.model(), 0.35, 3.0);
        departments = Directories.zhambyl();
    }

    @Test
    void givenTheEvaluationSet_whenClassified_thenOverallAccuracyIsAtLeast90PercentAndAntiCorruptionRecallAtLeast98() {
        Map<String, int[]> byDepartment = new TreeMap<>();
        Map<String, int[]> byLanguage = new TreeMap<>();
        Map<String, int[]> byStyle = new TreeMap<>();
        int correct = 0;
        int triaged = 0;
        int correctAmongConfident = 0;
        for (LabelledAppeal appeal : evaluation) {
            RoutingDecision decision = classifier.classify(
                    new AppealClassifier.Input(null, appeal.text(), false, null, null), departments, List.of());
            boolean right = appeal.department().equals(decision.classifiedAs());
            correct += right ? 1 : 0;
            if (decision.triage()) {
                triaged++;
            } else if (right) {
                correctAmongConfident++;
            }
            count(byDepartment, appeal.department(), right);
            count(byLanguage, appeal.language(), right);
            count(byStyle, appeal.style(), right);
        }
        double accuracy = correct / (double) evaluation.size();
        int[] antiCorruption = byDepartment.get(Department.ANTI_CORRUPTION);
        double antiCorruptionRecall = antiCorruption[0] / (double) antiCorruption[1];

        System.out.printf("Classifier evaluation on %d appeals: accuracy %.1f%%; %d (%.1f%%) below the triage threshold; "
                        + "accuracy of the rest %.1f%%%n", evaluation.size(), 100 * accuracy, triaged,
                100.0 * triaged / evaluation.size(), 100.0 * correctAmongConfident / (evaluation.size() - triaged));
        print("department", byDepartment);
        print("language", byLanguage);
        print("style", byStyle);

        assertThat(evaluation).hasSizeGreaterThanOrEqualTo(300);
        assertThat(byDepartment).hasSize(10);
        assertThat(byLanguage.keySet()).contains("kk", "ru", "en");
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
        assertThat(antiCorruptionRecall).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void givenTheEvaluationSet_thenNoneOfItsTextsIsInTheTrainingSet() throws IOException {
        List<LabelledAppeal> training;
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("src/main/classifier/training-set.jsonl"))) {
            training = LabelledAppeal.readJsonLines(in);
        }
        java.util.Set<String> trained = new java.util.HashSet<>();
        training.forEach(t -> trained.add(TextFeatures.normalise(t.text())));
        assertThat(evaluation).noneMatch(e -> trained.contains(TextFeatures.normalise(e.text())));
    }

    private static void count(Map<String, int[]> counts, String key, boolean right) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0] += right ? 1 : 0;
        c[1]++;
    }

    private static void print(String dimension, Map<String, int[]> counts) {
        counts.forEach((key, c) -> System.out.printf("  %-10s %-18s %3d/%3d  %5.1f%%%n", dimension, key, c[0], c[1], 100.0 * c[0] / c[1]));
    }

}
