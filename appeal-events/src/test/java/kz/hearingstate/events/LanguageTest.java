package kz.hearingstate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void givenEachReader_whenATextMayBeMissing_thenTheirsComesFirstThenRussianKazakhEnglish() {
        assertThat(Language.kk.withFallbacks()).containsExactly(Language.kk, Language.ru, Language.en);
        assertThat(Language.ru.withFallbacks()).containsExactly(Language.ru, Language.kk, Language.en);
        assertThat(Language.en.withFallbacks()).containsExactly(Language.en, Language.ru, Language.kk);
    }

    @Test
    void givenTextsInSomeLanguages_whenTheFirstIsPicked_thenBlankOnesAreSkippedAndNoneIsNull() {
        Map<Language, String> names = Map.of(Language.kk, "Білім бөлімі", Language.ru, " ");
        assertThat(Language.firstIn(Language.en, names::get)).isEqualTo("Білім бөлімі");
        assertThat(Language.firstIn(Language.ru, names::get)).isEqualTo("Білім бөлімі");
        assertThat(Language.firstIn(null, Map.of(Language.en, "Education")::get)).isEqualTo("Education");
        assertThat(Language.firstIn(Language.kk, Map.<Language, String>of()::get)).isNull();
    }
}
