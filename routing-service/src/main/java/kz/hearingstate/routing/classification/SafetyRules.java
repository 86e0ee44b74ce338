package kz.hearingstate.routing.classification;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The two rules that run before the model, because a miss costs too much:
 * <ul>
 *   <li>a corruption report (bribes, extortion, nepotism, kickbacks, embezzlement) always goes to
 *       anti-corruption, never to the department it accuses;</li>
 *   <li>an anonymous appeal is only considered when it reports a crime or a threat to public safety.</li>
 * </ul>
 * Stems are matched on the normalised text and on its Cyrillic transliteration, so "vzyatka", "para
 * surady" and "BRIBE" are caught as well.
 */
public final class SafetyRules {

    private static final List<Pattern> CORRUPTION = compile(
            // ru
            "взятк", "взяточ", "вымога", "откат", "кумовств", "коррупц", "\\bмзд", "в конверте",
            "под столом", "разворова", "растрат", "за деньги реш", "без денег не (дают|дадут|решат|оформ)",
            "незаконн\\w* вознагражд",
            // kk: "пара" (bribe) only with a suffix or a verb, since Russian "пара" means "a pair"
            "\\bпара(сы|ны|ға|мен|лар|ларды|қор\\w*|сын)\\b", "\\bпара (сұра|сура|бер|алд|алу|алып|алад|талап)",
            "бопса", "жемқор", "сыбайлас", "жымқыр", "туыстарын жұмысқа", "ақша бермесе", "ақшаға шеш",
            // en
            "brib", "kickback", "extort", "nepotis", "corrupt", "embezz", "under the table", "envelope of cash",
            "budget (money )?(was|were|has been) (stolen|misappropriated)", "misappropriat");

    private static final List<Pattern> CRIME_OR_THREAT = compile(
            // ru
            "убь", "убий", "убит", "угрож", "угроз", "оружи", "пистолет", "\\bнож", "взрыв", "бомб", "поджо",
            "пожар", "насили", "избива", "изнасил", "наркот", "краж", "украл", "укради", "ограб", "граб[её]ж",
            "террор", "заложник", "стрел", "похити", "драк",
            // kk
            "өлтір", "қорқыт", "қару", "пышақ", "жарылғыш", "бомба", "өртеп", "өрт ", "зорла", "зорлық",
            "ұрып", "есірткі", "ұрла", "ұрлық", "урла", "урлық", "тонап", "тонау", "террор", "атыс", "төбелес",
            "обокра", "избил", "побо",
            // en
            "kill", "murder", "threat", "weapon", "\\bgun", "knife", "bomb", "explos", "arson", "on fire",
            "violen", "rape", "\\bdrug", "stole", "theft", "robb", "burglar", "terror", "hostage", "shoot", "assault",
            "\\bbeats?\\b", "\\bbeating", "hooligan");

    private SafetyRules() {
    }

    public static boolean reportsCorruption(String text) {
        return matchesAny(CORRUPTION, text);
    }

    public static boolean reportsCrimeOrThreat(String text) {
        return matchesAny(CRIME_OR_THREAT, text);
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String normalised = " " + TextFeatures.normalise(text) + " ";
        String cyrillic = TextFeatures.toCyrillic(normalised);
        return patterns.stream().anyMatch(p -> p.matcher(normalised).find() || p.matcher(cyrillic).find());
    }

    /** Stems are normalised like the text (repeated letters collapse: "коррупц" becomes "корупц"). */
    private static List<Pattern> compile(String... stems) {
        return java.util.Arrays.stream(stems)
                .map(stem -> Pattern.compile(collapseRepeats(stem), Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE
                        | Pattern.UNICODE_CHARACTER_CLASS))
                .toList();
    }

    private static String collapseRepeats(String stem) {
        StringBuilder out = new StringBuilder();
        char previous = 0;
        for (char c : stem.toCharArray()) {
            if (c == previous && Character.isLetter(c)) {
                continue;
            }
            out.append(c);
            previous = c;
        }
        return out.toString();
    }
}
