package kz.hearingstate.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMasksTest {

    @Test
    void givenAContact_whenMasked_thenOnlyInitialsAndEdgesRemain() {
        assertThat(ContactMasks.name("Айгерим Сапарова")).isEqualTo("А****** С*******");
        assertThat(ContactMasks.phone("+77011234567")).isEqualTo("+7 *** *** ** 67");
        assertThat(ContactMasks.email("aigerim@mail.kz")).isEqualTo("a***@mail.kz");
        assertThat(ContactMasks.email("айгерим@почта.қаз")).isEqualTo("а***@почта.қаз");
        assertThat(ContactMasks.iin("900101301234")).isEqualTo("**********34");
    }

    @Test
    void givenAForeignNumber_whenMasked_thenItsCountryCodeIsHiddenToo() {
        assertThat(ContactMasks.phone("+996555123456")).isEqualTo("*** *** ** 56");
    }

    @Test
    void givenMissingOrOddValues_whenMasked_thenNothingLeaksAndNothingFails() {
        assertThat(ContactMasks.name(null)).isNull();
        assertThat(ContactMasks.name("  ")).isNull();
        assertThat(ContactMasks.phone(null)).isNull();
        assertThat(ContactMasks.phone("12345")).isEqualTo("***");
        assertThat(ContactMasks.email(null)).isNull();
        assertThat(ContactMasks.email("no-at-sign")).isEqualTo("***");
        assertThat(ContactMasks.iin(null)).isNull();
        assertThat(ContactMasks.iin("123")).isEqualTo("***");
        assertThat(ContactMasks.of(null)).isNull();
    }

    @Test
    void givenACitizen_whenMasked_thenEveryContactIsMaskedAndTheChannelAndLanguageKept() {
        Citizen citizen = new Citizen("Test Citizen", "900101301234", "+77011234567", "citizen@example.test",
                ContactChannel.SMS, Language.kk);

        assertThat(ContactMasks.of(citizen)).isEqualTo(new Citizen("T*** C******", "**********34", "+7 *** *** ** 67",
                "c***@example.test", ContactChannel.SMS, Language.kk));
    }
}
