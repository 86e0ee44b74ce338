package kz.hearingstate.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;

import kz.hearingstate.events.Settlement;
import kz.hearingstate.routing.support.Directory;
import org.junit.jupiter.api.Test;

class SettlementNormaliserTest {

    private final SettlementNormaliser normaliser = Directory.SETTLEMENTS;

    @Test
    void givenUzynagashInKazakhRussianEnglishAndTransliteration_whenNormalised_thenAllGiveOneCode() {
        for (String spelling : new String[] {"Ұзынағаш", "Узынагаш", "Uzynagash", "Uzunagach", "  UZYNAGASH ", "узынагаш"}) {
            assertThat(normaliser.code(spelling)).as(spelling).isEqualTo("uzynagash");
        }
        assertThat(normaliser.code("Қарақастек")).isEqualTo("karakastek");
        assertThat(normaliser.code("Mynbayev")).isEqualTo("mynbaev");
    }

    @Test
    void givenANameAndAPhoneNumberInTheSettlementField_whenNormalised_thenOther() {
        assertThat(normaliser.code("Aigerim Sadykova +77011234567")).isEqualTo(Settlement.OTHER);
        assertThat(normaliser.code("Узынагаш, ул. Абая 15")).isEqualTo(Settlement.OTHER);
    }

    @Test
    void givenAListedSettlementHoweverSpelled_whenNamedForAReader_thenInTheReadersLanguage_andOtherTextAsWritten() {
        assertThat(normaliser.nameIn(kz.hearingstate.events.Language.kk, "Uzunagach")).isEqualTo("Ұзынағаш");
        assertThat(normaliser.nameIn(kz.hearingstate.events.Language.en, "Узынагаш")).isEqualTo("Uzynagash");
        assertThat(normaliser.nameIn(kz.hearingstate.events.Language.kk, "Алматы, ул. Абая")).isEqualTo("Алматы, ул. Абая");
        assertThat(normaliser.nameIn(kz.hearingstate.events.Language.kk, null)).isNull();
    }

    @Test
    void givenTwoSpellings_whenCompared_thenTheSameListedSettlementOrTheSameTextOutsideTheList() {
        assertThat(normaliser.same("Узынагаш", "Uzunagach")).isTrue();
        assertThat(normaliser.same("Ұзынағаш", "  UZYNAGASH ")).isTrue();
        assertThat(normaliser.same("Узынагаш", "Самсы")).isFalse();
        assertThat(normaliser.same("Алмалыбақ", "алмалыбак")).as("outside the list, by the folded text").isTrue();
        assertThat(normaliser.same("Узынагаш", null)).isFalse();
    }

    @Test
    void givenNoSettlement_whenNormalised_thenNull() {
        assertThat(normaliser.code(null)).isNull();
        assertThat(normaliser.code("  ")).isNull();
    }

    @Test
    void givenTheShippedDirectory_whenEveryDepartmentsSettlementIsNormalised_thenEachIsOnTheCanonicalList() {
        Directory.FILE.departments().forEach(department -> department.settlements().forEach(name ->
                assertThat(normaliser.code(name)).as(department.code() + ": " + name).isNotEqualTo(Settlement.OTHER)));
        Directory.FILE.settlements().forEach(settlement -> settlement.names().values().forEach(name ->
                assertThat(normaliser.code(name)).as(name).isEqualTo(settlement.code())));
    }

    @Test
    void givenAListedSpelling_whenADepartmentsCoverageIsChecked_thenItIsTheSettlementTheDepartmentServes() {
        // The directory lists departments' settlements by name; "Uzunagach" is a spelling of Uzynagash, not a name.
        kz.hearingstate.routing.directory.Department serving = new kz.hearingstate.routing.directory.Department("education", 1,
                java.util.Map.of(), null, null, null, null, java.util.List.of("schools"), java.util.List.of("Узынагаш", "Қаскелең"),
                true, false, false, "admin", java.time.Instant.EPOCH);
        assertThat(Settlements.covers(serving, Settlements.key("Uzunagach"))).as("by its key alone").isFalse();
        assertThat(Settlements.covers(serving, Settlements.key(normaliser.canonicalName("Uzunagach")))).isTrue();
        assertThat(normaliser.canonicalName("Aigerim +77011234567")).isEqualTo("Aigerim +77011234567");
        assertThat(normaliser.canonicalName(null)).isNull();
    }
}
