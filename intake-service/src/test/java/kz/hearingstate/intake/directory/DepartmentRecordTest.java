package kz.hearingstate.intake.directory;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentRecordTest {

    private static DepartmentRecord withAddresses(Map<String, String> addresses) {
        return new DepartmentRecord("education", 1, Map.of("kk", "Білім бөлімі", "ru", "Отдел образования", "en", "Education"),
                null, null, "с. Узынагаш, ул. Д. Рысбекова, 9", addresses, List.of(), false, false);
    }

    @Test
    void givenTheAddressWrittenForSomeLanguages_thenAReaderGetsTheirsOrElseThePlainOne_neverAnotherLanguagesForm() {
        DepartmentRecord kazakhOnly = withAddresses(Map.of("kk", "Ұзынағаш ауылы, Д. Рысбеков көшесі, 9", "en", " "));
        assertThat(kazakhOnly.address("kk")).isEqualTo("Ұзынағаш ауылы, Д. Рысбеков көшесі, 9");
        assertThat(kazakhOnly.address("ru")).isEqualTo("с. Узынагаш, ул. Д. Рысбекова, 9");
        assertThat(kazakhOnly.address("en")).isEqualTo("с. Узынагаш, ул. Д. Рысбекова, 9"); // blank counts as not given
        // A record stored before the directory gave addresses.
        assertThat(withAddresses(null).address("kk")).isEqualTo("с. Узынагаш, ул. Д. Рысбекова, 9");
    }
}
