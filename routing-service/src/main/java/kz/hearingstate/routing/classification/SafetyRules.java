package kz.hearingstate.routing.classification;

import java.util.List;
import java.util.Locale;
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

    /** A regex escape in a stem ({@link #requireLowerCase}); declared before the stems, which use it. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\([pP]\\{\\w+}|.)");

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

    /**
     * The indirect ways people describe corruption (issue 14's list): money as "gratitude" or for speeding up,
     * an unofficial fee without a receipt, a personal card for the transfer, papers that "get lost" otherwise,
     * regular payments under threat, relatives given posts or land, tenders decided in advance, works paid for
     * but never done with the acceptance act signed. Each stem was checked against the ordinary appeals of the
     * training data, where money is often mentioned innocently (tariffs, benefits, fines, receipts that were given).
     */
    private static final List<Pattern> INDIRECT_CORRUPTION = compile(
            // gratitude, speeding up
            "отблагодар", "за ускорение", "show (some |their |your |my )?gratitude", "алғыс ретінде",
            // no receipt
            "без (квитанц|чек)", "(квитанц|чек)\\w* не (дал|дают|дает|даёт|выда)", "no receipts?\\b", "without (a |any )?receipt",
            "(didn t|did not|doesn t|does not|won t|never) (give|gives|issue|issued) (me |us |any |a )*receipt",
            "түбіртек(сіз| жоқ| берм)", "\\bчек(сіз| жоқ| берм)",
            // otherwise the papers get lost
            "(иначе|а то) (ваши |твои |все )?(документы|бумаги)", "otherwise (the |my |your |his |her )?(papers|documents|file)",
            "әйтпесе құжат",
            // regular payments under threat
            "unless (i|we|you|he|she|they) (pay|give)", "если не (заплат|дади|дам |принес)", "төлемесе",
            // relatives
            "akim s (relative|nephew|niece|son|daughter|brother|sister|cousin|wife)", "родственни\\w* (акима|директора|начальника|главы)",
            "(племянни|зят)\\w* (акима|директора|начальника|главы)", "әкімнің (туыс|немере|жиен|күйеу)", "туысына (берілді|берді)",
            "(hired|appointed) (his|her) (son|daughter|nephew|niece|brother|sister|wife|husband|cousin|relative)",
            // tenders decided in advance
            "(тендер|конкурс)\\w* (был |уже )?(заранее|фиктивн)", "(tender|contract|auction)s? (was |were )?(decided|rigged|fixed)",
            "алдын ала (шешіл|белгілі)",
            // works paid for, never done, act signed
            "акт\\w* (выполненных работ|при[её]мк\\w*) (уже |давно |был |были )?подписа", "подписали акт",
            "acceptance (act|certificate)s? (was |were |has been |had been )?signed", "signed (the |an )?(acceptance|completion) (act|certificate)",
            "акт\\w* қол қойылған", "актіге қол қойып");

    /**
     * A personal card given for the transfer (issue 14's list). Phone and online fraud is told in the same words ("they
     * asked for my card number", "I sent it to the seller's card") and belongs to public-order, so these stems count only
     * when the appeal does not describe such a fraud; the detector's model still weighs the words either way.
     */
    private static final List<Pattern> PERSONAL_CARD = compile(
            "на (его|ее|свою|личную) карт", "номер (своей |личной |его |ее )?карт", "(his|her|personal|own) (bank |kaspi )?card",
            "card number", "карта нөмір", "жеке карта");

    private static final List<Pattern> FRAUD = compile(
            "мошенни", "алаяқ", "fraud", "scam", "из банка", "служб\\w* безопасности", "from (the|a|her|his|my) bank",
            "банктен", "код из смс", "смс код", "sms code", "code from (the |an )?sms", "hacked", "взлом", "продав", "seller",
            "сатушы", "объявлени", "хабарланды", "online ad");

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
        return matchingRule(text) != null;
    }

    /** Which rule matched, for the routing reason and the evaluation report; null when none. */
    static String matchingRule(String text) {
        Forms forms = Forms.of(text);
        if (forms == null) {
            return null;
        }
        for (List<Pattern> group : List.of(CORRUPTION, INDIRECT_CORRUPTION, PERSONAL_CARD)) {
            for (Pattern p : group) {
                if (forms.match(p) && (group != PERSONAL_CARD || !forms.matchAny(FRAUD))) {
                    return p.pattern();
                }
            }
        }
        return null;
    }

    public static boolean reportsCrimeOrThreat(String text) {
        Forms forms = Forms.of(text);
        return forms != null && forms.matchAny(CRIME_OR_THREAT);
    }

    /**
     * The text as the stems are matched against: normalised, and its Cyrillic transliteration. Computed once per text,
     * not once per stem: transliterating for each of the stems was most of routing's CPU per appeal.
     *
     * @param cyrillic the transliteration, null when the text has no Latin letter (it would be the same text)
     */
    private record Forms(String normalised, String cyrillic) {

        /** @return null for a text with nothing to match */
        static Forms of(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String normalised = " " + TextFeatures.normalise(text) + " ";
            return new Forms(normalised, TextFeatures.transliterated(normalised));
        }

        /** A text with no Latin letter has no other form to match (Kazakh and Russian appeals, most of them). */
        boolean match(Pattern p) {
            return p.matcher(normalised).find() || cyrillic != null && p.matcher(cyrillic).find();
        }

        boolean matchAny(List<Pattern> patterns) {
            return patterns.stream().anyMatch(this::match);
        }
    }

    /**
     * Stems are normalised like the text (repeated letters collapse: "коррупц" becomes "корупц"). The text is lower
     * case once normalised, so the patterns match case-sensitively, which costs a fraction of Unicode case-insensitive
     * matching (docs/benchmarks/README.md, 4 December). Not quite the same: case folding also matched a few letters to
     * others ("ı" of Kazakh Latin to "i"); on the 8,913 training and held-out texts both gave the same rule for every
     * text. Letters of a stem must be lower case, or it would never match; Unicode character classes stay, since
     * {@code \b} and {@code \w} must know Cyrillic.
     */
    private static List<Pattern> compile(String... stems) {
        return java.util.Arrays.stream(stems)
                .map(stem -> Pattern.compile(collapseRepeats(requireLowerCase(stem)), Pattern.UNICODE_CHARACTER_CLASS))
                .toList();
    }

    /** Escapes such as {@code \W} or {@code \p{L}} are the pattern's, not letters of the text. */
    private static String requireLowerCase(String stem) {
        String letters = ESCAPE.matcher(stem).replaceAll("");
        if (!letters.equals(letters.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("A stem is matched on lower-case text, so it must be lower case: " + stem);
        }
        return stem;
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
