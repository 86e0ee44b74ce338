package kz.hearingstate.routing.classification;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * After a boundary: group openings ({@code (}, {@code (?:}, {@code (?i)}, {@code (?i:}, {@code (?P<name>}), a class
     * that is not negated, a quoted text's start, then a letter outside ASCII or a Unicode class ({@code \p}).
     */
    private static final java.util.regex.Pattern NON_ASCII_AFTER = java.util.regex.Pattern.compile(
            "(?:\\(\\?[a-zA-Z-]*\\)|\\(\\?[a-zA-Z-]*:|\\(\\?P<\\w+>|\\(|\\[(?!\\^))*(?:\\\\Q)?(?:[\\p{L}&&[^\\x00-\\x7F]]|\\\\p)");

    /**
     * Before a boundary (matched at the end of what precedes it): a letter outside ASCII (perhaps ending a quoted text),
     * or a Unicode class ({@code \pL}, {@code \p{Cyrillic}}), then group and class closings, quantifiers and {@code \w}
     * (which in {@code взятк\w*\b} matches nothing of a Cyrillic word).
     */
    private static final java.util.regex.Pattern NON_ASCII_BEFORE = java.util.regex.Pattern.compile(
            "(?:[\\p{L}&&[^\\x00-\\x7F]](?:\\\\E)?|\\\\p\\{\\w+}|\\\\p[A-Za-z])(?:[)\\]*+?]|\\{\\d+(?:,\\d*)?}|\\\\w)*$");

    /**
     * Whether a {@code \b} or {@code \B} stands right beside a letter outside ASCII ({@code \bвзятк}, {@code взятк\b},
     * {@code \b(взятк|пара)}, {@code \p{Cyrillic}+\b}). RE2's word characters are ASCII letters, digits and {@code _}
     * (so are Java's since JDK 19, without the flag {@code U}), so such a boundary never does what was meant: {@code \bвзятк}
     * never matches "взятку", {@code \Bқор} matches at every word's start. Refused when saved, named at start-up when
     * stored. Only the neighbours count: {@code \bbribe|взятк} means what it says (the top level's alternatives are
     * whole patterns), but every alternative of a group right beside the boundary is a neighbour: {@code \b(bribe|взятк)},
     * {@code (пара|bribe)\b}. {@code \w} is left alone: ASCII, as documented.
     */
    public static boolean asciiBoundaryBesideNonAscii(String pattern) {
        Map<Integer, List<Integer>> alternatives = groupAlternatives(pattern);
        for (int i = 0; i < pattern.length() - 1; i++) {
            if (pattern.charAt(i) != '\\') {
                continue;
            }
            char escaped = pattern.charAt(i + 1);
            if (escaped == 'Q') { // \Q...\E is literal text
                int end = pattern.indexOf("\\E", i + 2);
                i = end < 0 ? pattern.length() : end + 1;
            } else if ((escaped == 'b' || escaped == 'B')
                    && (nonAsciiAfter(pattern, i + 2, alternatives) || nonAsciiBefore(pattern, i, alternatives))) {
                return true;
            } else {
                i++; // the escaped character is no escape of its own
            }
        }
        return false;
    }

    /** Whether what starts at {@code from} (perhaps in one of the alternatives of groups opened there) is non-ASCII. */
    private static boolean nonAsciiAfter(String pattern, int from, Map<Integer, List<Integer>> alternatives) {
        if (NON_ASCII_AFTER.matcher(pattern).region(from, pattern.length()).lookingAt()) {
            return true;
        }
        java.util.regex.Matcher opening = GROUP_OPENING.matcher(pattern).region(from, pattern.length());
        for (int at = from; opening.region(at, pattern.length()).lookingAt(); at = opening.end()) {
            List<Integer> group = alternatives.get(at);
            if (group != null && group.subList(0, group.size() - 1).stream()
                    .anyMatch(bar -> nonAsciiAfter(pattern, bar + 1, alternatives))) {
                return true;
            }
        }
        return false;
    }

    /** Whether what ends at {@code to} (perhaps in one of the alternatives of groups closed there) is non-ASCII. */
    private static boolean nonAsciiBefore(String pattern, int to, Map<Integer, List<Integer>> alternatives) {
        if (NON_ASCII_BEFORE.matcher(pattern).region(0, to).find()) {
            return true;
        }
        java.util.regex.Matcher closing = GROUP_CLOSING.matcher(pattern).region(0, to);
        if (!closing.find()) {
            return false;
        }
        int closed = closing.start(1);
        // The alternatives of the group whose ")" closes what precedes the boundary, and of a group closed right before it.
        return alternatives.values().stream().filter(group -> group.getLast() == closed).findFirst()
                .map(group -> group.subList(0, group.size() - 1).stream()
                        .anyMatch(bar -> nonAsciiBefore(pattern, bar, alternatives)) || nonAsciiBefore(pattern, closed, alternatives))
                .orElse(false);
    }

    /** A group's opening: {@code (}, {@code (?:}, {@code (?i:}, {@code (?P<name>}, or a flag group {@code (?i)}. */
    private static final java.util.regex.Pattern GROUP_OPENING =
            java.util.regex.Pattern.compile("\\(\\?[a-zA-Z-]*\\)|\\(\\?[a-zA-Z-]*:|\\(\\?P<\\w+>|\\(");

    /** A group's closing, then quantifiers, at the end of what precedes a boundary. */
    private static final java.util.regex.Pattern GROUP_CLOSING =
            java.util.regex.Pattern.compile("(\\))(?:[*+?]|\\{\\d+(?:,\\d*)?})*$");

    /**
     * Every group of the pattern by the index of its {@code (}: the indexes of its own {@code |} (not those of groups
     * inside it), and last that of its {@code )}. Escapes, quoted text and character classes hold no group.
     */
    private static Map<Integer, List<Integer>> groupAlternatives(String pattern) {
        Map<Integer, List<Integer>> groups = new HashMap<>();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                if (pattern.charAt(i + 1) == 'Q') {
                    int end = pattern.indexOf("\\E", i + 2);
                    i = end < 0 ? pattern.length() : end + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                i = classEnd(pattern, i);
            } else if (c == '(') {
                open.push(i);
                groups.put(i, new ArrayList<>());
            } else if (c == '|' && !open.isEmpty()) {
                groups.get(open.peek()).add(i);
            } else if (c == ')' && !open.isEmpty()) {
                groups.get(open.pop()).add(i);
            }
        }
        open.forEach(groups::remove); // unclosed: no compiled pattern has one
        return groups;
    }

    /** The index of the {@code ]} closing the class opened at {@code open}: a {@code ]} first (or after {@code ^}) is a member. */
    private static int classEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        for (; i < pattern.length() && pattern.charAt(i) != ']'; i++) {
            if (pattern.startsWith("[:", i)) { // a POSIX class, [:alpha:]
                int end = pattern.indexOf(":]", i + 2);
                i = end < 0 ? i : end + 1;
            } else if (pattern.charAt(i) == '\\') {
                i++;
            }
        }
        return i;
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
