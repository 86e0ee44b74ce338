package kz.hearingstate.routing.classification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a {@code \b} or {@code \B} of an admin's rule that stands beside a letter outside ASCII ({@code \bвзятк},
 * {@code взятк\b}, {@code \b(bribe|взятк)}, {@code (?:^|\b)взятк}, {@code \p{Cyrillic}+\b}). RE2's word characters are
 * ASCII letters, digits and {@code _} (so are Java's since JDK 19, without the flag {@code U}), so such a boundary never
 * does what was meant: {@code \bвзятк} never matches "взятку", {@code \Bқор} matches at every word's start.
 *
 * <p>Only the boundary's neighbours count: {@code \bbribe|взятк} means what it says (the top level's alternatives are
 * whole patterns). A neighbour is found through group openings and closings, quantifiers, quoted text ({@code \Q…\E}),
 * each alternative of a group beside the boundary (an empty one, or a group that may be skipped, lends it the group's
 * own neighbour), and the group whose alternative the boundary starts or ends ({@code (?:^|\b)взятк}). Not told apart:
 * a negated class before a boundary counts as its letters ({@code [^а-я]\b} is refused, rarely written). {@code \w} is
 * left alone: ASCII, as documented.
 */
final class AsciiWordBoundaries {

    /** A group's opening: {@code (}, {@code (?:}, {@code (?i:}, {@code (?P<name>}, {@code (?<name>}, or flags {@code (?i)}. */
    private static final String OPENING = "\\(\\?[a-zA-Z-]*\\)|\\(\\?[a-zA-Z-]*:|\\(\\?P?<\\w+>|\\(";
    private static final Pattern GROUP_OPENING = Pattern.compile(OPENING);

    /**
     * After a boundary: group openings, a class that is not negated, a quoted text's start, then a letter outside ASCII
     * or a Unicode class ({@code \p}).
     */
    private static final Pattern NON_ASCII_AFTER = Pattern.compile(
            "(?:" + OPENING + "|\\[(?!\\^))*(?:\\\\Q)?(?:[\\p{L}&&[^\\x00-\\x7F]]|\\\\p)");

    /** What may stand between a closing and a boundary: a quantifier, or {@code \w}, which matches no Cyrillic letter. */
    private static final String TAIL_TOKEN = "[*+?]|\\{\\d+(?:,\\d*)?}|\\\\w";

    /**
     * Before a boundary (matched at the end of what precedes it): a letter outside ASCII (perhaps ending a quoted text),
     * or a Unicode class ({@code \pL}, {@code \p{Cyrillic}}), then group and class closings, quantifiers and {@code \w}.
     */
    private static final Pattern NON_ASCII_BEFORE = Pattern.compile(
            "(?:[\\p{L}&&[^\\x00-\\x7F]](?:\\\\E)?|\\\\p\\{\\w+}|\\\\p[A-Za-z])(?:[)\\]]|" + TAIL_TOKEN + ")*$");

    /** A group's closing, then quantifiers and {@code \w}, at the end of what precedes a boundary. */
    private static final Pattern GROUP_CLOSING = Pattern.compile("(\\))(?:" + TAIL_TOKEN + ")*$");

    /** A group's quantifier, lazy or not. */
    private static final Pattern QUANTIFIER = Pattern.compile("(?:[*+?]|\\{\\d*(?:,\\d*)?})\\??");

    /**
     * A group: where its {@code (} is, where its body starts (after {@code (?:} and the like), its own {@code |} (not
     * those of groups inside it) and its {@code )}.
     */
    private record Group(int open, int body, List<Integer> bars, int close) {

        List<Integer> alternativeStarts() {
            List<Integer> starts = new ArrayList<>(List.of(body));
            bars.forEach(bar -> starts.add(bar + 1));
            return starts;
        }

        /** Where each alternative ends: at a {@code |}, or at the {@code )}. */
        List<Integer> alternativeEnds() {
            List<Integer> ends = new ArrayList<>(bars);
            ends.add(close);
            return ends;
        }

        /** Whether the group may match nothing at all, so that its neighbours meet: {@code (…)?}, {@code (…)*}, {@code (…){0,n}}. */
        boolean optional(String pattern) {
            return close + 1 < pattern.length() && "?*".indexOf(pattern.charAt(close + 1)) >= 0
                    || pattern.startsWith("{0", close + 1);
        }
    }

    private final String pattern;
    private final List<Group> groups = new ArrayList<>();
    /** Where each {@code \b} or {@code \B} starts. */
    private final List<Integer> boundaries = new ArrayList<>();

    private AsciiWordBoundaries(String pattern) {
        this.pattern = pattern;
        parse();
    }

    /** Whether a {@code \b} or {@code \B} of the pattern stands right beside a letter outside ASCII (see above). */
    static boolean besideNonAscii(String pattern) {
        AsciiWordBoundaries parsed = new AsciiWordBoundaries(pattern);
        return parsed.boundaries.stream().anyMatch(at -> parsed.nonAsciiAfter(at + 2) || parsed.nonAsciiBefore(at));
    }

    /** One pass: escapes, quoted text and character classes hold neither a group nor a boundary. */
    private void parse() {
        Deque<Integer> open = new ArrayDeque<>();
        Deque<Integer> bodies = new ArrayDeque<>();
        Deque<List<Integer>> bars = new ArrayDeque<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char escaped = pattern.charAt(i + 1);
                if (escaped == 'Q') {
                    int end = pattern.indexOf("\\E", i + 2);
                    i = end < 0 ? pattern.length() : end + 1;
                    continue;
                }
                if (escaped == 'b' || escaped == 'B') {
                    boundaries.add(i);
                }
                i++; // the escaped character is no escape of its own
            } else if (c == '[') {
                i = classEnd(i);
            } else if (c == '(') {
                Matcher opening = GROUP_OPENING.matcher(pattern).region(i, pattern.length());
                opening.lookingAt();
                if (pattern.charAt(opening.end() - 1) == ')') { // flags alone, (?i): no group
                    i = opening.end() - 1;
                    continue;
                }
                open.push(i);
                bodies.push(opening.end());
                bars.push(new ArrayList<>());
                i = opening.end() - 1;
            } else if (c == '|' && !open.isEmpty()) {
                bars.peek().add(i);
            } else if (c == ')' && !open.isEmpty()) {
                groups.add(new Group(open.pop(), bodies.pop(), bars.pop(), i));
            }
        }
    }

    /** The index of the {@code ]} closing the class opened at {@code open}: a {@code ]} first (or after {@code ^}) is a member. */
    private int classEnd(int open) {
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

    /** Whether what may match right after {@code from} starts with a letter outside ASCII. Every step moves forward. */
    private boolean nonAsciiAfter(int from) {
        if (NON_ASCII_AFTER.matcher(pattern).region(from, pattern.length()).lookingAt()) {
            return true;
        }
        Group ending = innermostAround(from);
        if (ending != null && ending.alternativeEnds().contains(from)) { // an alternative ends here: what follows its group
            return nonAsciiAfter(afterQuantifier(ending.close() + 1));
        }
        if (from >= pattern.length() || pattern.charAt(from) != '(') {
            return false;
        }
        Group opened = openedAt(from);
        if (opened == null) { // flags alone, (?i): what follows them
            Matcher flags = GROUP_OPENING.matcher(pattern).region(from, pattern.length());
            return flags.lookingAt() && flags.end() > from + 1 && nonAsciiAfter(flags.end());
        }
        return opened.alternativeStarts().stream().anyMatch(this::nonAsciiAfter)
                || opened.optional(pattern) && nonAsciiAfter(afterQuantifier(opened.close() + 1));
    }

    /** Past the quantifier at {@code at}, if there is one. */
    private int afterQuantifier(int at) {
        Matcher quantifier = QUANTIFIER.matcher(pattern).region(at, pattern.length());
        return quantifier.lookingAt() ? quantifier.end() : at;
    }

    /** Whether what may match right before {@code to} ends with a letter outside ASCII. Every step moves back. */
    private boolean nonAsciiBefore(int to) {
        if (NON_ASCII_BEFORE.matcher(pattern).region(0, to).find()) {
            return true;
        }
        Group starting = innermostAround(to);
        if (starting != null && starting.alternativeStarts().contains(to)) { // an alternative starts here: what precedes its group
            return nonAsciiBefore(starting.open());
        }
        Matcher closing = GROUP_CLOSING.matcher(pattern).region(0, to);
        if (!closing.find()) {
            return false;
        }
        Group closed = closedAt(closing.start(1));
        return closed != null && (closed.alternativeEnds().stream().anyMatch(this::nonAsciiBefore)
                || closed.optional(pattern) && nonAsciiBefore(closed.open()));
    }

    /** The innermost group whose body holds {@code at} (its {@code |} and {@code )} included). */
    private Group innermostAround(int at) {
        Group innermost = null;
        for (Group group : groups) {
            if (group.body() <= at && at <= group.close() && (innermost == null || group.open() > innermost.open())) {
                innermost = group;
            }
        }
        return innermost;
    }

    private Group openedAt(int open) {
        return groups.stream().filter(group -> group.open() == open).findFirst().orElse(null);
    }

    private Group closedAt(int close) {
        return groups.stream().filter(group -> group.close() == close).findFirst().orElse(null);
    }
}
