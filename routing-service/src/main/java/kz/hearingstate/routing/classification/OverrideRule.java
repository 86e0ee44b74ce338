package kz.hearingstate.routing.classification;

import java.time.Instant;

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

    /** The pattern compiled as every rule is matched; {@link PatternSyntaxException} for one that is not RE2's. */
    public static Pattern compile(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }

    /** Whether the appeal's text, normalised or as written, matches; a rule saved before RE2 that RE2 refuses never does. */
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
