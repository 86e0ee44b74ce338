package kz.hearingstate.intake.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettlementNamesTest {

    private static final List<SettlementNames.Entry> DIRECTORY = List.of(
            new SettlementNames.Entry("uzynagash", Map.of("kk", "Ұзынағаш", "ru", "Узынагаш", "en", "Uzynagash")),
            new SettlementNames.Entry("karakastek", Map.of("kk", "Қарақастек", "ru", "Каракастек", "en", "Karakastek")),
            new SettlementNames.Entry("aksengir", Map.of("kk", "Ақсеңгір", "ru", "Аксенгир", "en", "Aksengir")));

    @Test
    void givenTheDirectorysNames_whenChoicesAreMadeInEachLanguage_thenTheLabelIsInThatLanguageAndTheValueStays() {
        List<String> served = List.of("Узынагаш", "Каракастек", "Аксенгир");

        assertThat(SettlementNames.choices(served, DIRECTORY, "kk")).containsExactly(
                Map.entry("Аксенгир", "Ақсеңгір"), Map.entry("Каракастек", "Қарақастек"), Map.entry("Узынагаш", "Ұзынағаш"));
        assertThat(SettlementNames.choices(served, DIRECTORY, "en")).containsExactly(
                Map.entry("Аксенгир", "Aksengir"), Map.entry("Каракастек", "Karakastek"), Map.entry("Узынагаш", "Uzynagash"));
        assertThat(SettlementNames.choices(served, DIRECTORY, "ru")).containsExactly(
                Map.entry("Аксенгир", "Аксенгир"), Map.entry("Каракастек", "Каракастек"), Map.entry("Узынагаш", "Узынагаш"));
    }

    @Test
    void givenASettlementTheListDoesNotKnowOrNoListYet_whenChoicesAreMade_thenItKeepsTheNameItIsServedUnder() {
        assertThat(SettlementNames.choices(List.of("Новое село", "Узынагаш"), DIRECTORY, "en"))
                .containsOnly(Map.entry("Новое село", "Новое село"), Map.entry("Узынагаш", "Uzynagash"));
        assertThat(SettlementNames.choices(List.of("Узынагаш"), List.of(), "kk"))
                .containsOnly(Map.entry("Узынагаш", "Узынагаш"));
    }
}
