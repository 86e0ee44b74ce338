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

    /** RE2's ASCII-only word classes and boundaries ({@code \w \W \b \B}), their backslash not escaped. */
    private static final java.util.regex.Pattern ASCII_WORD_CLASS =
            java.util.regex.Pattern.compile("(?:^|[^\\\\])(?:\\\\\\\\)*\\\\[wWbB]");

    /** A letter outside ASCII: a Cyrillic word, say, which RE2's {@code \w} never matches. */
    private static final java.util.regex.Pattern NON_ASCII_LETTER = java.util.regex.Pattern.compile("[\\p{L}&&[^\\p{ASCII}]]");

    private static final String ASCII_ONLY = "\\w and \\b are ASCII only, \\pL is a letter of any script";

    /** The pattern compiled as every rule is matched; {@link PatternSyntaxException} for one that is not RE2's. */
    public static Pattern compile(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }

    /**
     * {@link #compile}, for a pattern an admin saves now, which must also mean what a writer of Java's patterns
     * expects: the flag {@code U} is refused, which RE2 reads as "ungreedy" where Java reads "Unicode classes" (a rule
     * written as {@code (?U)\bвзятк} would never match: RE2's {@code \b} and {@code \w} are ASCII only). Rules stored
     * with it keep matching as RE2 reads them. For the same reason {@code \b} or {@code \w} in a pattern that holds a
     * letter outside ASCII is refused: {@code \bвзятк} would be accepted and never match, since for RE2 a Cyrillic letter
     * is no word character, so there is no boundary before it.
     */
    public static Pattern compileNew(String pattern) {
        if (U_FLAG.matcher(pattern).find()) {
            throw new PatternSyntaxException("the flag U means \"ungreedy\" in RE2; " + ASCII_ONLY, pattern);
        }
        if (ASCII_WORD_CLASS.matcher(pattern).find() && NON_ASCII_LETTER.matcher(pattern).find()) {
            throw new PatternSyntaxException(ASCII_ONLY + " (the normalised text has one space between words)", pattern);
        }
        return compile(pattern);
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
