package kz.hearingstate.routing.classification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin's rule: an appeal whose subject or text matches {@code pattern} (a case-insensitive regular
 * expression, matched on the normalised text and on the text as written) goes to {@code department}. Rules run
 * after the safety rules and before the model, lowest {@code priority} first.
 *
 * <p>The pattern is RE2's syntax (RE2/J), not {@code java.util.regex}'s: it matches in time linear in the text
 * whatever the pattern, where a backtracking engine can take hours on one appeal for a pattern such as
 * {@code (a+)+b}, and every appeal passes every rule. RE2 has no back-references or look-around.
 */
@Document(OverrideRuleStore.COLLECTION)
public record OverrideRule(
        @Id String id,
        String pattern,
        String department,
        String description,
        int priority,
        boolean enabled,
        String changedBy,
        Instant changedAt) {

    /** An inline flag group with {@code U}, not after a backslash: {@code (?U)}, {@code (?iU)}, {@code (?U:…)}. */
    private static final java.util.regex.Pattern U_FLAG = java.util.regex.Pattern.compile("(?<!\\\\)\\(\\?[a-zA-Z-]*U");

    /**
     * The pattern compiled as every rule is matched; {@link PatternSyntaxException} for one that is not RE2's, and for the
     * flag {@code U}, which RE2 reads as "ungreedy" where Java reads "Unicode classes": a rule written for Java's
     * {@code (?U)\bвзятк} would compile and never match.
     */
    public static Pattern compile(String pattern) {
        if (U_FLAG.matcher(pattern).find()) {
            throw new PatternSyntaxException("the flag U means \"ungreedy\" in RE2; \\w and \\b are ASCII only, \\pL is a letter of any script",
                    pattern);
        }
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }

    /**
     * Whether the pattern compiles, so that the rule can match at all: false for one saved by a version whose rules were
     * {@code java.util.regex}'s that RE2 refuses (the admin's list shows it, and routing's start-up warns of it).
     */
    @JsonProperty("matchable")
    public boolean matchable() {
        try {
            compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** Whether the appeal's text, normalised or as written, matches; a rule that is not {@link #matchable} never does. */
    boolean matches(String normalisedText, String text) {
        Pattern compiled;
        try {
            compiled = compile(pattern);
        } catch (PatternSyntaxException e) {
            return false; // validated when saved; a broken rule must never stop routing
        }
        return compiled.matcher(normalisedText).find() || compiled.matcher(text).find();
    }
}
