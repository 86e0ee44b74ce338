package kz.hearingstate.routing.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.directory.Department;

/**
 * Decides where an appeal goes, in this order:
 * <ol>
 *   <li>corruption reports go to anti-corruption ({@link CorruptionDetector}: its own model and the safety
 *       rules), whatever the department model thinks, so a report never reaches the accused's department; an
 *       appeal in the detector's review band goes to anti-corruption too, as a confidential triage with the
 *       department model's three likeliest departments, since the akim-office desk is not confidential;</li>
 *   <li>an appeal whose citizen chose a topic of a confidential department ("corruption") goes there as a
 *       confidential triage too, whatever its words;</li>
 *   <li>anonymous appeals are rejected as not considered, unless they report a crime or a threat to
 *       public safety (by rule, or by the model's choice of public-order), which go to public-order;</li>
 *   <li>the admin's override rules;</li>
 *   <li>the text model, weighted by the channel's category hint and limited to departments that cover the
 *       appeal's settlement; below the confidence threshold, or when no department covers the settlement,
 *       the appeal goes to the akim-office triage desk with the model's three likeliest departments. The model's
 *       anti-corruption probability is part of the detector's score, so here it chooses among the others.</li>
 * </ol>
 * Plain Java: the directory and rules are passed in, so it is tested without Spring or MongoDB.
 */
public final class AppealClassifier {

    private static final int TOP = 3;

    private final CorruptionDetector corruption;
    private final LogisticRegressionModel model;
    private final double confidenceThreshold;
    private final double hintWeight;

    public AppealClassifier(CorruptionDetector corruption, LogisticRegressionModel model, double confidenceThreshold,
            double hintWeight) {
        this.corruption = corruption;
        this.model = model;
        this.confidenceThreshold = confidenceThreshold;
        this.hintWeight = hintWeight;
    }

    /** What the classifier looks at. {@code settlement} and {@code categoryHint} may be null. */
    public record Input(String subject, String text, boolean anonymous, String categoryHint, String settlement) {
        String fullText() {
            return subject == null || subject.isBlank() ? text : subject + ". " + text;
        }
    }

    public RoutingDecision classify(Input input, List<Department> departments, List<OverrideRule> rules) {
        String text = input.fullText();
        Map<String, Double> probabilities = model.predict(text);
        CorruptionDetector.Finding finding = corruption.assess(text, probabilities);
        if (finding.corruption()) {
            return new RoutingDecision(Department.ANTI_CORRUPTION, Department.ANTI_CORRUPTION, null, finding.probability(),
                    false, false, finding.reason());
        }
        Map<String, Department> active = new LinkedHashMap<>();
        departments.stream().filter(d -> !d.deleted()).forEach(d -> active.put(d.code(), d));
        if (finding.review()) {
            // Before the anonymous and override rules: either could hand a possible report to the accused.
            RoutingDecision guess = byModel(probabilities, input, active);
            return new RoutingDecision(Department.ANTI_CORRUPTION, guess.classifiedAs(), null, finding.probability(), true,
                    false, finding.reason(), guess.topDepartments());
        }
        String topic = input.categoryHint() == null ? "" : input.categoryHint().trim().toLowerCase(Locale.ROOT);
        Optional<Department> chosen = confidentialDepartmentOfTopic(topic, active);
        if (chosen.isPresent()) {
            // The citizen says it is a report (the "corruption" topic), whatever the text's words: the detector may miss
            // an indirect one, and the model would send it to the accused. A confidential triage, as in the review
            // band: its officer forwards an appeal that is no report to the department the model suggests.
            // No category: forwarded on as no report, the appeal must not carry a confidential department's topic to the
            // department that receives it (which would learn where it was).
            RoutingDecision guess = byModel(probabilities, input, active);
            return new RoutingDecision(chosen.get().code(), guess.classifiedAs(), null, finding.probability(), true, false,
                    Reason.confidentialTopic(topic), guess.topDepartments());
        }
        if (input.anonymous()) {
            String top = probabilities.keySet().iterator().next();
            boolean modelSeesCrime = Department.PUBLIC_ORDER.equals(top) && probabilities.get(top) >= confidenceThreshold;
            if (SafetyRules.reportsCrimeOrThreat(text) || modelSeesCrime) {
                return rule(Department.PUBLIC_ORDER, Reason.safetyCrime());
            }
            return new RoutingDecision(null, null, null, 1.0, false, true, Reason.anonymousNotConsidered());
        }
        Optional<OverrideRule> override = matchingRule(text, rules, active);
        if (override.isPresent()) {
            return rule(override.get().department(), Reason.overrideRule(override.get().id()));
        }
        return byModel(probabilities, input, active);
    }

    private RoutingDecision byModel(Map<String, Double> probabilities, Input input, Map<String, Department> active) {
        String settlementKey = input.settlement() == null || input.settlement().isBlank() ? null : Settlements.key(input.settlement());
        String hint = input.categoryHint() == null ? null : input.categoryHint().trim().toLowerCase(Locale.ROOT);
        Map<String, Double> weighted = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> entry : probabilities.entrySet()) {
            Department department = active.get(entry.getKey());
            if (department == null || (settlementKey != null && !Settlements.covers(department, settlementKey))) {
                continue; // deleted, or does not serve the place
            }
            if (Department.ANTI_CORRUPTION.equals(entry.getKey())) {
                continue; // the corruption detector decided already, with this probability in its score
            }
            double weight = entry.getValue();
            if (hint != null && department.categories().stream().anyMatch(c -> c.equalsIgnoreCase(hint))) {
                weight *= hintWeight;
            }
            weighted.put(entry.getKey(), weight);
            total += weight;
        }
        if (weighted.isEmpty() || total == 0) {
            return new RoutingDecision(Department.AKIM_OFFICE, null, null, 0.0, true, false,
                    Reason.noDepartmentCovers());
        }
        double sum = total;
        List<RoutingDecision.Candidate> top = weighted.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(TOP)
                .map(e -> new RoutingDecision.Candidate(e.getKey(), e.getValue() / sum))
                .toList();
        RoutingDecision.Candidate best = top.getFirst();
        double confidence = best.probability();
        String category = hint != null && active.get(best.department()).categories().stream()
                .anyMatch(c -> c.equalsIgnoreCase(hint)) ? hint : null;
        if (confidence < confidenceThreshold) {
            return new RoutingDecision(Department.AKIM_OFFICE, best.department(), category, confidence, true, false,
                    Reason.lowConfidence(confidence, confidenceThreshold, best.department()), top);
        }
        return new RoutingDecision(best.department(), best.department(), category, confidence, false, false,
                Reason.classifier(confidence), top);
    }

    /** The confidential department (anti-corruption) one of whose categories the citizen chose as the topic, if any. */
    private static Optional<Department> confidentialDepartmentOfTopic(String topic, Map<String, Department> active) {
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        return active.values().stream().filter(Department::confidential)
                .filter(department -> department.categories().stream().anyMatch(topic::equalsIgnoreCase))
                .findFirst();
    }

    private static Optional<OverrideRule> matchingRule(String text, List<OverrideRule> rules, Map<String, Department> active) {
        String normalised = TextFeatures.normalise(text);
        for (OverrideRule rule : rules) {
            if (!rule.enabled() || !active.containsKey(rule.department())) {
                continue;
            }
            if (rule.matches(normalised, text)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static RoutingDecision rule(String department, Reason reason) {
        return new RoutingDecision(department, department, null, 1.0, false, false, reason);
    }

    /**
     * Whether the corruption detector (its safety rules, its model, or its review band) sees a possible report in these
     * words: the citizen's own, written after the appeal was routed (a reply, a "not solved" comment).
     */
    public boolean mayReportCorruption(String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        CorruptionDetector.Finding finding = corruption.assess(words, model.predict(words));
        return finding.corruption() || finding.review();
    }

    public double confidenceThreshold() {
        return confidenceThreshold;
    }
}
