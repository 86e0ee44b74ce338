package kz.hearingstate.routing.classification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a {@code \b} or {@code \B} of an admin's rule that stands beside a letter outside ASCII ({@code \bвзятк},
 * {@code взятк\b}, {@code \b(bribe|взятк)}, {@code (?:^|\b)взятк}, {@code \b[a-zа-я]+}, {@code \p{Cyrillic}+\b}). RE2's
 * word characters are ASCII letters, digits and {@code _} (so are Java's since JDK 19, without the flag {@code U}), so
 * such a boundary never does what was meant: {@code \bвзятк} never matches "взятку", {@code \Bқор} matches at every
 * word's start.
 *
 * <p>Only the boundary's neighbours count: {@code \bbribe|взятк} means what it says (the top level's alternatives are
 * whole patterns), and so does {@code взятк\w\b} (its neighbour is {@code \w}, ASCII). A boundary with an ASCII word
 * character always on its other side is left alone too: it still ends or starts that word, whatever comes next
 * ({@code \bsms\b\s*код}, {@code \b\d+\b\s*тенге}). A neighbour is what may match
 * right beside the boundary: through group openings and closings, flags, quoted text ({@code \Q…\E}), every member of a
 * class that is not negated, every alternative of a group beside the boundary, past an atom or group that may match
 * nothing ({@code \b«?взятк}, {@code взятк\w*\b}, {@code \b(?:bribe)?взятк}), and out of the group whose alternative the
 * boundary starts or ends. Not followed: a loop back to a group's start ({@code (?:bribe\b|взятк)+}), a letter written
 * as an escape ({@code \x{432}}), a combining mark. A Unicode class ({@code \p…}) counts as non-ASCII.
 *
 * <p>Each position's answer is kept once found, so a pattern costs a few regular-expression checks of its prefix per
 * position, however many empty alternatives or optional groups it nests (without it, {@code \b(?:a||)} twenty times
 * took seconds; 500 characters of such shapes now take milliseconds).
 */
final class AsciiWordBoundaries {

    /** A group's opening: {@code (}, {@code (?:}, {@code (?i:}, {@code (?P<name>}, {@code (?<name>}, or flags {@code (?i)}. */
    private static final Pattern GROUP_OPENING = Pattern.compile("\\(\\?[a-zA-Z-]*\\)|\\(\\?[a-zA-Z-]*:|\\(\\?P?<\\w+>|\\(");
    /** Flags alone, {@code (?i)}, ending where a boundary starts. */
    private static final Pattern FLAGS_BEFORE = Pattern.compile("\\(\\?[a-zA-Z-]*\\)$");
    /** A letter outside ASCII or a Unicode class, perhaps in quoted text, starting where looked. */
    private static final Pattern NON_ASCII_AT = Pattern.compile("(?:\\\\Q)?(?:[\\p{L}&&[^\\x00-\\x7F]]|\\\\p)");
    /** A letter outside ASCII (perhaps ending quoted text) or a Unicode class, ending where looked. */
    private static final Pattern NON_ASCII_BEFORE = Pattern.compile(
            "(?:[\\p{L}&&[^\\x00-\\x7F]](?:\\\\E)?|\\\\p\\{\\w+}|\\\\p[A-Za-z])$");
    /** A quantifier, lazy or not, starting where looked. */
    private static final Pattern QUANTIFIER = Pattern.compile("(?:[*+?]|\\{\\d+(?:,\\d*)?})\\??");
    /** A quantifier, lazy or not, ending where looked. */
    private static final Pattern QUANTIFIER_BEFORE = Pattern.compile("(?:[*+?]|\\{\\d+(?:,\\d*)?})\\??$");

    /** A group: its {@code (}, where its body starts (after {@code (?:} and the like), its own {@code |}, its {@code )}. */
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
    }

    private final String pattern;
    private final Map<Integer, Group> groupsByOpen = new HashMap<>();
    private final Map<Integer, Group> groupsByClose = new HashMap<>();
    /** Character classes: where each {@code [} is, by its {@code ]}, and the reverse. */
    private final Map<Integer, Integer> classEnds = new HashMap<>();
    private final Map<Integer, Integer> classStarts = new HashMap<>();
    /** Where each {@code \b} or {@code \B} starts. */
    private final List<Integer> boundaries = new ArrayList<>();
    /** The answers of {@link #nonAsciiAfter} and {@link #nonAsciiBefore} by position, once found. */
    private final Boolean[] after;
    private final Boolean[] before;

    private AsciiWordBoundaries(String pattern) {
        this.pattern = pattern;
        this.after = new Boolean[pattern.length() + 2];
        this.before = new Boolean[pattern.length() + 2];
        parse();
    }

    /** Whether a {@code \b} or {@code \B} of the pattern stands right beside a letter outside ASCII (see above). */
    static boolean besideNonAscii(String pattern) {
        AsciiWordBoundaries parsed = new AsciiWordBoundaries(pattern);
        return parsed.boundaries.stream().anyMatch(at -> !parsed.asciiWordBefore(at) && parsed.nonAsciiAfter(at + 2)
                || !parsed.asciiWordAfter(at + 2) && parsed.nonAsciiBefore(at));
    }

    /**
     * Whether what matches right before {@code to} always ends with an ASCII word character (a letter, digit or {@code _},
     * {@code \d}, {@code \w}, or a group each of whose alternatives does; past one that may match nothing, what precedes
     * it too): then the boundary still tells that word from what follows, a non-ASCII letter included, as in
     * {@code \bsms\b\s*код}.
     */
    private boolean asciiWordBefore(int to) {
        if (to <= 0) {
            return false;
        }
        int quantified = quantifierBefore(to);
        if (quantified >= 0) {
            return asciiWordBefore(quantified) && (!mayMatchNothing(quantified) || asciiWordBefore(atomStart(quantified)));
        }
        if (to >= 2 && pattern.charAt(to - 2) == '\\') {
            return "dw".indexOf(pattern.charAt(to - 1)) >= 0;
        }
        char last = pattern.charAt(to - 1);
        if (last == ')' && groupsByClose.containsKey(to - 1)) {
            return groupsByClose.get(to - 1).alternativeEnds().stream().allMatch(this::asciiWordBefore);
        }
        return asciiWordCharacter(last);
    }

    /** Whether what matches right after {@code from} always starts with an ASCII word character (as above). */
    private boolean asciiWordAfter(int from) {
        if (from >= pattern.length()) {
            return false;
        }
        char first = pattern.charAt(from);
        int atomEnd;
        boolean word;
        if (first == '\\' && from + 1 < pattern.length()) {
            atomEnd = from + 2;
            word = "dw".indexOf(pattern.charAt(from + 1)) >= 0;
        } else if (first == '(' && groupsByOpen.containsKey(from)) {
            Group group = groupsByOpen.get(from);
            atomEnd = group.close() + 1;
            word = group.alternativeStarts().stream().allMatch(this::asciiWordAfter);
        } else {
            atomEnd = from + 1;
            word = asciiWordCharacter(first);
        }
        return word && (!mayMatchNothing(atomEnd) || asciiWordAfter(afterQuantifier(atomEnd)));
    }

    private static boolean asciiWordCharacter(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
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
                int end = classEnd(i);
                classEnds.put(i, end);
                classStarts.put(end, i);
                i = end;
            } else if (c == '(') {
                Matcher opening = GROUP_OPENING.matcher(pattern).region(i, pattern.length());
                opening.lookingAt();
                if (pattern.charAt(opening.end() - 1) != ')') { // not flags alone, (?i)
                    open.push(i);
                    bodies.push(opening.end());
                    bars.push(new ArrayList<>());
                }
                i = opening.end() - 1;
            } else if (c == '|' && !open.isEmpty()) {
                bars.peek().add(i);
            } else if (c == ')' && !open.isEmpty()) {
                Group group = new Group(open.pop(), bodies.pop(), bars.pop(), i);
                groupsByOpen.put(group.open(), group);
                groupsByClose.put(group.close(), group);
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
        return Math.min(i, pattern.length()); // unclosed: to the end (RE2 refuses such a pattern before it gets here)
    }

    /** Whether the class opened at {@code open} is not negated and has a member outside ASCII: a letter or {@code \p}. */
    private boolean classHasNonAscii(int open) {
        if (pattern.startsWith("[^", open)) {
            return false;
        }
        for (int i = open + 1; i < classEnds.get(open); i++) {
            if (NON_ASCII_AT.matcher(pattern).region(i, classEnds.get(open)).lookingAt()) {
                return true;
            }
            if (pattern.charAt(i) == '\\') {
                i++;
            }
        }
        return false;
    }

    /** Whether what may match right after {@code from} starts with a letter outside ASCII. Every step moves forward. */
    private boolean nonAsciiAfter(int from) {
        if (from >= pattern.length()) {
            return false;
        }
        if (after[from] == null) {
            after[from] = findNonAsciiAfter(from);
        }
        return after[from];
    }

    private boolean findNonAsciiAfter(int from) {
        if (NON_ASCII_AT.matcher(pattern).region(from, pattern.length()).lookingAt()) {
            return true;
        }
        Group ending = innermostAround(from);
        if (ending != null && ending.alternativeEnds().contains(from)) { // an alternative ends here: what follows its group
            return nonAsciiAfter(afterQuantifier(ending.close() + 1));
        }
        char c = pattern.charAt(from);
        int atomEnd;
        if (c == '(') {
            Group opened = groupsByOpen.get(from);
            if (opened == null) { // flags alone, (?i): what follows them (or an unclosed group: nothing)
                Matcher flags = GROUP_OPENING.matcher(pattern).region(from, pattern.length());
                return flags.lookingAt() && flags.end() > from + 1 && nonAsciiAfter(flags.end());
            }
            if (opened.alternativeStarts().stream().anyMatch(this::nonAsciiAfter)) {
                return true;
            }
            atomEnd = opened.close() + 1;
        } else if (c == '[' && classEnds.containsKey(from)) {
            if (classHasNonAscii(from)) {
                return true;
            }
            atomEnd = classEnds.get(from) + 1;
        } else if (c == '\\') {
            int brace = pattern.startsWith("{", from + 2) ? pattern.indexOf('}', from + 2) : -1;
            atomEnd = brace > 0 ? brace + 1 : from + 2; // \x{41} and \p{Greek} end at their brace
        } else if ("|)^$".indexOf(c) >= 0) {
            return false;
        } else {
            atomEnd = from + 1;
        }
        return mayMatchNothing(atomEnd) && nonAsciiAfter(afterQuantifier(atomEnd));
    }

    /** Whether what may match right before {@code to} ends with a letter outside ASCII. Every step moves back. */
    private boolean nonAsciiBefore(int to) {
        if (to <= 0) {
            return false;
        }
        if (before[to] == null) {
            before[to] = findNonAsciiBefore(to);
        }
        return before[to];
    }

    private boolean findNonAsciiBefore(int to) {
        if (NON_ASCII_BEFORE.matcher(pattern).region(0, to).find()) {
            return true;
        }
        Group starting = innermostAround(to);
        if (starting != null && starting.alternativeStarts().contains(to)) { // an alternative starts here: what precedes its group
            return nonAsciiBefore(starting.open());
        }
        int atomEnd = quantifierBefore(to);
        if (atomEnd >= 0) { // the quantified atom's end; and what precedes the atom, when it may match nothing
            return nonAsciiBefore(atomEnd) || mayMatchNothing(atomEnd) && nonAsciiBefore(atomStart(atomEnd));
        }
        Matcher flags = FLAGS_BEFORE.matcher(pattern).region(0, to);
        if (flags.find()) {
            return nonAsciiBefore(flags.start());
        }
        char last = pattern.charAt(to - 1);
        if (last == ')' && groupsByClose.containsKey(to - 1)) {
            return groupsByClose.get(to - 1).alternativeEnds().stream().anyMatch(this::nonAsciiBefore);
        }
        return last == ']' && classStarts.containsKey(to - 1) && classHasNonAscii(classStarts.get(to - 1));
    }

    /** Where a quantifier ending at {@code to} starts, or -1: an escaped {@code ?} and the braces of {@code \x{41}} are none. */
    private int quantifierBefore(int to) {
        Matcher quantifier = QUANTIFIER_BEFORE.matcher(pattern).region(0, to);
        if (!quantifier.find()) {
            return -1;
        }
        int start = quantifier.start();
        boolean escaped = start >= 1 && pattern.charAt(start - 1) == '\\';
        boolean braces = start >= 2 && pattern.charAt(start - 2) == '\\' && "xpP".indexOf(pattern.charAt(start - 1)) >= 0;
        return escaped || braces ? -1 : start;
    }

    /** Whether the quantifier at {@code at} lets what precedes it match nothing: {@code ?}, {@code *}, {@code {0,…}}. */
    private boolean mayMatchNothing(int at) {
        return at < pattern.length() && "?*".indexOf(pattern.charAt(at)) >= 0 || pattern.startsWith("{0", at);
    }

    /** Past the quantifier at {@code at}, if there is one. */
    private int afterQuantifier(int at) {
        Matcher quantifier = QUANTIFIER.matcher(pattern).region(at, pattern.length());
        return quantifier.lookingAt() ? quantifier.end() : at;
    }

    /** Where the atom ending at {@code end} starts: a group, a class, an escape or one character. */
    private int atomStart(int end) {
        if (groupsByClose.containsKey(end - 1)) {
            return groupsByClose.get(end - 1).open();
        }
        if (classStarts.containsKey(end - 1)) {
            return classStarts.get(end - 1);
        }
        return end >= 2 && pattern.charAt(end - 2) == '\\' ? end - 2 : end - 1;
    }

    /** The innermost group whose body holds {@code at} (its {@code |} and {@code )} included). */
    private Group innermostAround(int at) {
        Group innermost = null;
        for (Group group : groupsByOpen.values()) {
            if (group.body() <= at && at <= group.close() && (innermost == null || group.open() > innermost.open())) {
                innermost = group;
            }
        }
        return innermost;
    }
}
