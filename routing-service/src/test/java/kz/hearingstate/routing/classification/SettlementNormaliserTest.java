package kz.hearingstate.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;

import kz.hearingstate.events.Settlement;
import kz.hearingstate.routing.directory.DirectoryFile;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

class SettlementNormaliserTest {

    private static final DirectoryFile FILE =
            DirectoryFile.read(new ClassPathResource("departments/zhambyl-v1.json"), JsonMapper.builder().build());
    private final SettlementNormaliser normaliser = new SettlementNormaliser(FILE.settlements());

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
    void givenNoSettlement_whenNormalised_thenNull() {
        assertThat(normaliser.code(null)).isNull();
        assertThat(normaliser.code("  ")).isNull();
    }

    @Test
    void givenTheShippedDirectory_whenEveryDepartmentsSettlementIsNormalised_thenEachIsOnTheCanonicalList() {
        FILE.departments().forEach(department -> department.settlements().forEach(name ->
                assertThat(normaliser.code(name)).as(department.code() + ": " + name).isNotEqualTo(Settlement.OTHER)));
        FILE.settlements().forEach(settlement -> settlement.names().values().forEach(name ->
                assertThat(normaliser.code(name)).as(name).isEqualTo(settlement.code())));
    }
}
