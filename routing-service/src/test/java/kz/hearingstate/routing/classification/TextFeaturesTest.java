package kz.hearingstate.routing.classification;

import java.util.HashSet;
import java.util.Set;

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
    void givenAWord_thenItsFeaturesAreTheWordAndItsCharacterNgramsOfTwoToFive() {
        assertThat(TextFeatures.of("жол")).containsExactlyInAnyOrder("w:жол",
                " ж", "жо", "ол", "л ", " жо", "жол", "ол ", " жол", "жол ", " жол ");
    }
}
