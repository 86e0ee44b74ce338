package kz.hearingstate.intake.submission;

import kz.hearingstate.events.Language;

/**
 * Guesses kk, ru or en from the script. Kazakh shares the Cyrillic alphabet with Russian but adds
 * ә ғ қ ң ө ұ ү һ і; a Russian text may still name a Kazakh place (Ұзынағаш), so the decision counts
 * words, not letters: Kazakh when enough Cyrillic words carry a Kazakh-only letter.
 */
public final class LanguageDetector {

    private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    /** Share of Cyrillic words with a Kazakh-only letter above which the text is Kazakh. */
    private static final double KAZAKH_WORD_SHARE = 0.2;

    private LanguageDetector() {
    }

    public static Language detect(String text) {
        int cyrillicWords = 0;
        int kazakhWords = 0;
        int latinWords = 0;
        for (String word : text.split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (isCyrillic(word)) {
                cyrillicWords++;
                if (word.chars().anyMatch(c -> KAZAKH_LETTERS.indexOf(c) >= 0)) {
                    kazakhWords++;
                }
            } else if (isLatin(word)) {
                latinWords++;
            }
        }
        if (cyrillicWords == 0 && latinWords > 0) {
            return Language.en;
        }
        if (cyrillicWords > 0 && (double) kazakhWords / cyrillicWords >= KAZAKH_WORD_SHARE) {
            return Language.kk;
        }
        if (cyrillicWords >= latinWords && cyrillicWords > 0) {
            return Language.ru;
        }
        return latinWords > 0 ? Language.en : Language.ru;
    }

    private static boolean isCyrillic(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }

    private static boolean isLatin(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN;
    }
}
