package kz.hearingstate.intake.submission;

import kz.hearingstate.events.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Біздің ауылда үш күннен бері су жоқ, көмектесуіңізді сұраймын.|kk",
            "Көшеде шам жанбайды|kk",
            "Мектепке жол жөндеу керек және аялдама қажет|kk",
            "Третий день нет холодной воды на улице Абая.|ru",
            "В селе Ұзынағаш уже неделю не вывозят мусор со двора дома номер пять.|ru",
            "Прошу отремонтировать дорогу возле школы номер 5.|ru",
            "There has been no cold water on Abay street for three days.|en",
            "Please fix the street light near school 5.|en",
            "Нет воды, no water|ru",
            "12345 !!! ???|ru"
    })
    void givenATextInOneLanguage_whenDetected_thenThatLanguage(String text, Language expected) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
    }
}
