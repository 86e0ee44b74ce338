package kz.hearingstate.routing.classification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns an appeal's text into the features the classifier counts: character n-grams (2 to 5) of the
 * normalised text, inside word boundaries, plus whole words and pairs of neighbouring words ("не дают", "no
 * receipt", "түбіртек бермеді"), which tell a fee demanded from a fee paid better than either word alone, and
 * character n-grams of {@value #ACROSS_N} across a word boundary ("x:ал ақша", "x:ь деньг"): the end of one word with
 * the start of the next, which pairs a Kazakh suffix or a short Russian word with its neighbour whatever the rest of
 * either word (five-fold cross-validated on the hand-written training appeals: departments right 89.5% to 89.9%, detector
 * AUC 0.9805 to 0.9820; see docs/routing-evaluation.md).
 *
 * <p>Normalisation makes the many spellings of one appeal look alike: lower case; ALL-CAPS hotline
 * transcripts become ordinary text; runs of one letter collapse ("водыыы", "дооорога"); and Kazakh (or
 * Russian) typed in Latin letters is also transliterated to Cyrillic, so "su joq, qubyr jarylgan" shares
 * features with "су жоқ, құбыр жарылған". Character n-grams cope with Kazakh suffixes and with typos.
 */
public final class TextFeatures {

    static final int MIN_N = 2;
    static final int MAX_N = 5;
    /** The length of the n-grams across a word boundary. */
    static final int ACROSS_N = 6;

    /**
     * Latin to Cyrillic, longest spellings first: the Kazakh Latin alphabets of 2018 (acute accents: á ә, ǵ ғ, ı й or и,
     * ń ң, ó ө, ú ү, ý у) and 2021 (ä, ğ, ñ, ö, ü, ū, ş) plus common informal forms. In the 2018 alphabet, which most
     * Latin-script appeals use, "ı" is й ("qaıta" қайта) more often than и, and "ý" is у ("aýyl" ауыл).
     */
    static final String[][] LATIN_TO_CYRILLIC = {
            {"shch", "щ"}, {"sh", "ш"}, {"ch", "ч"}, {"zh", "ж"}, {"kh", "х"}, {"gh", "ғ"}, {"ng", "ң"},
            {"ya", "я"}, {"yu", "ю"}, {"yo", "ё"}, {"ts", "ц"},
            {"á", "ә"}, {"ä", "ә"}, {"ǵ", "ғ"}, {"ğ", "ғ"}, {"ń", "ң"}, {"ñ", "ң"}, {"ó", "ө"}, {"ö", "ө"},
            {"ú", "ү"}, {"ū", "ұ"}, {"ü", "ү"}, {"ý", "у"}, {"ı", "й"}, {"ş", "ш"}, {"ç", "ч"}, {"i̇", "і"},
            {"a", "а"}, {"b", "б"}, {"c", "с"}, {"d", "д"}, {"e", "е"}, {"f", "ф"}, {"g", "г"}, {"h", "х"},
            {"i", "и"}, {"j", "ж"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"},
            {"q", "қ"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "у"}, {"v", "в"}, {"w", "у"}, {"x", "х"},
            {"y", "ы"}, {"z", "з"}
    };

    private TextFeatures() {
    }

    /** Lower case, letters and digits only (others become spaces), runs of one letter collapsed. */
    public static String normalise(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        StringBuilder out = new StringBuilder(lower.length());
        int previous = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            int mapped = Character.isLetterOrDigit(cp) ? cp : ' ';
            if (mapped == previous && (mapped == ' ' || Character.isLetter(mapped))) {
                continue; // collapse "водыыы" and repeated spaces
            }
            out.appendCodePoint(mapped);
            previous = mapped;
        }
        return out.toString().trim();
    }

    /** The normalised text with every Latin letter transliterated to Cyrillic; null when it has no Latin letters. */
    static String transliterated(String normalised) {
        boolean hasLatin = normalised.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c > 0xC0 && c < 0x250));
        return hasLatin ? toCyrillic(normalised) : null;
    }

    /** Every Latin letter of a normalised text transliterated to Cyrillic (Kazakh Latin, informal or of 2021). */
    public static String toCyrillic(String normalised) {
        StringBuilder out = new StringBuilder(normalised.length());
        int i = 0;
        outer:
        while (i < normalised.length()) {
            char c = normalised.charAt(i);
            if (c < SPELLINGS_BY_FIRST_CHAR.length && SPELLINGS_BY_FIRST_CHAR[c] != null) {
                for (String[] pair : SPELLINGS_BY_FIRST_CHAR[c]) {
                    if (normalised.startsWith(pair[0], i)) {
                        out.append(pair[1]);
                        i += pair[0].length();
                        continue outer;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * {@link #LATIN_TO_CYRILLIC} by the first character of the Latin spelling, each in the table's order: only those can
     * start at a character, so trying them alone gives the table's first match (the safety rules transliterate every
     * appeal's text many times; trying all sixty spellings at each character was half of routing's CPU).
     */
    private static final String[][][] SPELLINGS_BY_FIRST_CHAR = byFirstChar();

    private static String[][][] byFirstChar() {
        int size = 1 + Arrays.stream(LATIN_TO_CYRILLIC).mapToInt(pair -> pair[0].charAt(0)).max().orElseThrow();
        String[][][] byFirst = new String[size][][];
        for (String[] pair : LATIN_TO_CYRILLIC) {
            char first = pair[0].charAt(0);
            String[][] before = byFirst[first] == null ? new String[0][] : byFirst[first];
            byFirst[first] = Arrays.copyOf(before, before.length + 1);
            byFirst[first][before.length] = pair;
        }
        return byFirst;
    }

    /** Every feature of the text, with repetitions (the classifier counts them). */
    public static List<String> of(String text) {
        String normalised = normalise(text == null ? "" : text);
        List<String> features = new ArrayList<>();
        addFeatures(normalised, features);
        String cyrillic = transliterated(normalised);
        if (cyrillic != null && !cyrillic.equals(normalised)) {
            addFeatures(cyrillic, features);
        }
        return features;
    }

    private static void addFeatures(String normalised, List<String> features) {
        String previous = null;
        for (String word : normalised.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            features.add("w:" + word);
            if (previous != null) {
                features.add("b:" + previous + " " + word);
            }
            previous = word;
            String padded = " " + word + " ";
            for (int n = MIN_N; n <= MAX_N; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    features.add(padded.substring(start, start + n));
                }
            }
        }
        String padded = " " + normalised + " ";
        for (int start = 0; start + ACROSS_N <= padded.length(); start++) {
            int space = padded.indexOf(' ', start + 1);
            if (space > start && space < start + ACROSS_N - 1) { // a boundary inside, with letters on both sides
                features.add("x:" + padded.substring(start, start + ACROSS_N));
            }
        }
    }
}
