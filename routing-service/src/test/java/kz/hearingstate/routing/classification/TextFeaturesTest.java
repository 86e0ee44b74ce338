package kz.hearingstate.routing.classification;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFeaturesTest {

    @Test
    void givenCapsPunctuationAndRepeatedLetters_thenNormalisationMakesThemOrdinaryText() {
        assertThat(TextFeatures.normalise("ВОДЫЫЫ НЕТ!!!   Помогите...")).isEqualTo("воды нет помогите");
    }

    @Test
    void givenKazakhInLatinLetters_thenItsTransliterationSharesFeaturesWithCyrillic() {
        // informal Latin writes ұ, ү and у alike as "u": the n-grams of the rest still match
        assertThat(TextFeatures.toCyrillic("su joq qubyr jarylgan")).isEqualTo("су жоқ қубыр жарылган");
        Set<String> latin = new HashSet<>(TextFeatures.of("Su joq"));
        assertThat(latin).contains("w:жоқ", "w:су");
    }

    @Test
    void givenKazakhInTheLatinAlphabetOf2018_thenItsAccentedLettersBecomeTheirCyrillicLetters() {
        // ý is у, ú is ү, ı is й: "aýyl" ауыл, "úshin" үшін, "qaıta" қайта (і is written i, read here as и)
        assertThat(TextFeatures.toCyrillic("aýylyna kópir úshin qaıta")).isEqualTo("ауылына көпир үшин қайта");
        assertThat(new HashSet<>(TextFeatures.of("Aýyl"))).contains("w:ауыл");
    }

    @Test
    void givenSeveralWords_thenEachPairOfNeighboursIsAFeature() {
        assertThat(TextFeatures.of("Чек не дали")).contains("b:чек не", "b:не дали").doesNotContain("b:чек дали");
    }

    @Test
    void givenTwoWords_thenTheNgramsOfSixAcrossTheirBoundaryAreFeatures() {
        assertThat(TextFeatures.of("пара алды").stream().filter(f -> f.startsWith("x:")))
                .containsExactly("x:пара а", "x:ара ал", "x:ра алд", "x:а алды");
    }

    @Test
    void givenAWord_thenItsFeaturesAreTheWordAndItsCharacterNgramsOfTwoToFive() {
        assertThat(TextFeatures.of("жол")).containsExactlyInAnyOrder("w:жол",
                " ж", "жо", "ол", "л ", " жо", "жол", "ол ", " жол", "жол ", " жол ");
    }

    @Test
    void givenEveryLabelledAppealAndEveryLatinSpelling_whenTransliterated_thenTheTablesFirstMatchAtEachCharacterIsTaken() {
        List<String> texts = Stream.concat(Stream.of(LabelledSets.training(), LabelledSets.heldOut(LabelledSets.VALIDATION),
                        LabelledSets.heldOut(LabelledSets.EVALUATION)).flatMap(List::stream).map(LabelledAppeal::text),
                Stream.of(TextFeatures.LATIN_TO_CYRILLIC).map(pair -> "x" + pair[0] + pair[0] + "shchi̇ 12 " + pair[0])).toList();

        assertThat(texts).hasSizeGreaterThan(1000).allSatisfy(text -> {
            String normalised = " " + TextFeatures.normalise(text) + " ";
            assertThat(TextFeatures.toCyrillic(normalised)).isEqualTo(firstMatchAtEachCharacter(normalised));
        });
    }

    /** The transliteration as the table defines it: at each character, the first spelling of the table that starts there. */
    private static String firstMatchAtEachCharacter(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int at = i;
            String[] match = Stream.of(TextFeatures.LATIN_TO_CYRILLIC).filter(pair -> text.startsWith(pair[0], at))
                    .findFirst().orElse(null);
            out.append(match == null ? String.valueOf(text.charAt(i)) : match[1]);
            i += match == null ? 1 : match[0].length();
        }
        return out.toString();
    }
}
