package kz.hearingstate.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why something happened to an appeal, as its lifecycle event and its history keep it.
 *
 * <p>{@code text} is what the event carries: for the platform's own reasons (routed by the model, triaged, warned,
 * escalated) an English sentence for logs and API clients; for a person's reason, the words as typed. The platform's
 * own reasons also have a {@code code} and its {@code args}, from which a page words them in its language
 * ({@code wb.reason.<code>} in the workbench's messages); a person's reason has no code and is shown as written.
 */
public record Reason(String text, Code code, List<String> args) {

    /** The platform's own reasons. */
    public enum Code {
        CLASSIFIER,
        LOW_CONFIDENCE(2),
        NO_DEPARTMENT_COVERS,
        SAFETY_CRIME,
        SAFETY_CORRUPTION,
        OVERRIDE_RULE,
        CORRUPTION_DETECTOR,
        CORRUPTION_REVIEW,
        CONFIDENTIAL_TOPIC,
        CITIZENS_WORDS,
        ANONYMOUS_NOT_CONSIDERED,
        ROUTED_BY_HAND,
        FORWARDED,
        CITIZEN_REPLIED,
        NOT_SOLVED,
        DAYS_LEFT,
        DEADLINE_PASSED,
        ESCALATED(0);

        private final int departmentArg;

        Code() {
            this(-1);
        }

        Code(int departmentArg) {
            this.departmentArg = departmentArg;
        }

        /** The code of this name; empty for none, or one this version does not know. */
        public static Optional<Code> named(String name) {
            return Arrays.stream(values()).filter(code -> code.name().equals(name)).findFirst();
        }

        /** Whether the argument at this index is a department's code, which a page shows by the department's name. */
        public boolean namesDepartment(int index) {
            return index == departmentArg;
        }
    }

    public Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A person's reason (staff, an API client), shown as written; null when none was given. */
    public static Reason given(String text) {
        return new Reason(text, null, List.of());
    }

    public static Reason classifier(double confidence) {
        String shown = score(confidence);
        return own(Code.CLASSIFIER, "classifier: " + shown, shown);
    }

    public static Reason lowConfidence(double confidence, double threshold, String bestGuess) {
        return own(Code.LOW_CONFIDENCE, "triage: classifier confidence " + score(confidence) + " below " + score(threshold)
                + " (best guess " + bestGuess + ")", score(confidence), score(threshold), bestGuess);
    }

    public static Reason noDepartmentCovers() {
        return own(Code.NO_DEPARTMENT_COVERS, "triage: no department covers the appeal's settlement");
    }

    public static Reason safetyCrime() {
        return own(Code.SAFETY_CRIME, "safety rule: anonymous report of a crime or threat to public safety");
    }

    public static Reason safetyCorruption() {
        return own(Code.SAFETY_CORRUPTION, "safety rule: corruption report");
    }

    public static Reason overrideRule(String ruleId) {
        return own(Code.OVERRIDE_RULE, "override rule " + ruleId, ruleId);
    }

    public static Reason corruptionDetector(double score, double threshold) {
        return own(Code.CORRUPTION_DETECTOR, "corruption detector: " + score(score) + " (threshold " + score(threshold) + ")",
                score(score), score(threshold));
    }

    public static Reason corruptionReview(double score, double reviewFrom, double threshold) {
        return own(Code.CORRUPTION_REVIEW, "confidential triage: corruption detector " + score(score) + " (review from "
                + score(reviewFrom) + ", threshold " + score(threshold) + ")", score(score), score(reviewFrom), score(threshold));
    }

    /** The APPK's rule, cited on the rejection of an anonymous appeal. */
    public static Reason confidentialTopic(String topic) {
        return own(Code.CONFIDENTIAL_TOPIC, "confidential triage: the citizen chose the topic " + topic, topic);
    }

    public static Reason citizensWordsMayReportCorruption() {
        return own(Code.CITIZENS_WORDS, "confidential triage: the citizen's reply or comment may report corruption");
    }

    public static Reason anonymousNotConsidered() {
        return own(Code.ANONYMOUS_NOT_CONSIDERED,
                "APPK: anonymous appeals are not considered (they report no crime or threat to public safety)");
    }

    public static Reason routedByHand() {
        return own(Code.ROUTED_BY_HAND, "routed by hand");
    }

    public static Reason forwarded() {
        return own(Code.FORWARDED, "forwarded to another department");
    }

    public static Reason citizenReplied(int pausedWorkingDays) {
        return own(Code.CITIZEN_REPLIED, "the citizen replied; the deadline moved on by " + pausedWorkingDays + " working days",
                Integer.toString(pausedWorkingDays));
    }

    public static Reason notSolved(int rating) {
        return own(Code.NOT_SOLVED, "the citizen reports the problem is not solved (rating " + rating + ")",
                Integer.toString(rating));
    }

    public static Reason daysLeft(int workingDays) {
        return own(Code.DAYS_LEFT, workingDays + " working days left", Integer.toString(workingDays));
    }

    public static Reason deadlinePassed() {
        return own(Code.DEADLINE_PASSED, "the deadline passed without an answer");
    }

    public static Reason escalated(String department) {
        return own(Code.ESCALATED, "escalated to " + department + ": the deadline passed without an answer", department);
    }

    private static Reason own(Code code, String text, String... args) {
        return new Reason(text, code, List.of(args));
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
