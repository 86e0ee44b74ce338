package kz.hearingstate.routing.classification;

import java.util.List;

import kz.hearingstate.routing.Reason;

/**
 * Where an appeal goes and why.
 *
 * @param department     the department code; the triage desk (akim-office) when {@code triage}
 * @param classifiedAs   the department the classifier preferred (differs from {@code department} in triage)
 * @param category       the channel's category hint when it named one of the department's categories
 * @param confidence     0 to 1; 1 for a rule
 * @param triage         the confidence was below the threshold, or no department covers the location
 * @param rejected       not considered (an anonymous appeal that reports no crime); {@code reason} says why
 * @param reason         the rule or model that decided, for the lifecycle event
 * @param topDepartments when the department model decided: its three most likely departments with their
 *                       probabilities, best first, for the triage desk; empty when a rule or the corruption
 *                       detector decided
 */
public record RoutingDecision(
        String department,
        String classifiedAs,
        String category,
        double confidence,
        boolean triage,
        boolean rejected,
        Reason reason,
        List<Candidate> topDepartments) {

    public RoutingDecision {
        topDepartments = topDepartments == null ? List.of() : List.copyOf(topDepartments);
    }

    /** A decision without the model's candidates (a rule, the detector, a rejection). */
    public RoutingDecision(String department, String classifiedAs, String category, double confidence, boolean triage,
            boolean rejected, Reason reason) {
        this(department, classifiedAs, category, confidence, triage, rejected, reason, List.of());
    }

    /** One of the model's likely departments and its probability (after the hint and settlement weighting). */
    public record Candidate(String department, double probability) {
    }
}
