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

    /**
     * An inline flag group with {@code U} ({@code (?U)}, {@code (?iU)}, {@code (?U:…)}), its parenthesis not escaped (after
     * an even number of backslashes). A character class holding "(?U" is refused too: rare, and rewritten at once.
     */
    private static final java.util.regex.Pattern U_FLAG =
            java.util.regex.Pattern.compile("(?:^|[^\\\\])(?:\\\\\\\\)*\\(\\?[a-zA-Z-]*U");

    private static final String ASCII_ONLY = "\\w and \\b are ASCII only, \\pL is a letter of any script";

    /** The pattern compiled as every rule is matched; {@link PatternSyntaxException} for one that is not RE2's. */
    public static Pattern compile(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }

    /**
     * {@link #compile}, for a pattern an admin saves now, which must also mean what a writer of Java's patterns
     * expects: the flag {@code U} is refused, which RE2 reads as "ungreedy" where Java reads "Unicode classes" (a rule
     * written as {@code (?U)\bвзятк} would never match: RE2's {@code \b} and {@code \w} are ASCII only). Rules stored
     * with it keep matching as RE2 reads them. See also {@link #asciiBoundaryBesideNonAscii}.
     */
    public static Pattern compileNew(String pattern) {
        if (U_FLAG.matcher(pattern).find()) {
            throw new PatternSyntaxException("the flag U means \"ungreedy\" in RE2; " + ASCII_ONLY, pattern);
        }
        return compile(pattern);
    }

    /**
     * Whether a {@code \b} or {@code \B} stands right beside a letter outside ASCII, where it never does what was meant
     * ({@link AsciiWordBoundaries}). Refused when saved, named at start-up when stored.
     */
    public static boolean asciiBoundaryBesideNonAscii(String pattern) {
        return AsciiWordBoundaries.besideNonAscii(pattern);
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
