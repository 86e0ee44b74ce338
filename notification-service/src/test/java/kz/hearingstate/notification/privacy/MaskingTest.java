package kz.hearingstate.notification.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void givenKazakhMobileNumber_whenMasked_thenOnlyCountryCodeAndLastFourDigitsShow() {
        assertThat(Masking.phone("+77011234567")).isEqualTo("+7 *** *** 45 67");
    }

    @Test
    void givenForeignNumber_whenMasked_thenOnlyLastFourDigitsShow() {
        assertThat(Masking.phone("+996555123456")).isEqualTo("*** *** 34 56");
    }

    @Test
    void givenTooShortNumber_whenMasked_thenNothingShows() {
        assertThat(Masking.phone("12345")).isEqualTo("***");
    }

    @Test
    void givenEmail_whenMasked_thenFirstLetterAndDomainShow() {
        assertThat(Masking.email("aigerim@mail.kz")).isEqualTo("a***@mail.kz");
        assertThat(Masking.email("not-an-address")).isEqualTo("***");
    }

    @Test
    void givenIin_whenMasked_thenLastFourDigitsShow() {
        assertThat(Masking.iin("900101301234")).isEqualTo("******1234");
    }

    @Test
    void givenFreeTextWithPersonalData_whenMasked_thenNoneOfItSurvives() {
        String masked = Masking.text("550 mailbox aigerim@mail.kz unavailable; phone +77011234567, IIN 900101301234");

        assertThat(masked).doesNotContain("aigerim@", "7011234567", "900101301234")
                .contains("a***@mail.kz", "+7 *** *** 45 67", "******1234");
    }

    @Test
    void givenNull_whenMasked_thenNull() {
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.email(null)).isNull();
        assertThat(Masking.text(null)).isNull();
    }

    @Test
    void givenErrorTextWithContactsMaskedOrNot_whenPreparedForALog_thenNoneOfThemRemains() {
        String masked = Masking.text("550 mailbox aigerim@mail.kz unavailable; phone +77011234567, IIN 900101301234");

        for (String text : List.of(masked, "550 mailbox aigerim@mail.kz unavailable; phone +77011234567, IIN 900101301234",
                "550 <***@akimat.test> rejected")) {
            assertThat(Masking.withoutContacts(text)).doesNotContain("@", "mail.kz", "akimat", "4567", "1234", "***")
                    .startsWith("550 ");
        }
        assertThat(Masking.withoutContacts(masked)).isEqualTo("550 mailbox <contact> unavailable; phone <contact>, IIN <contact>");
        assertThat(Masking.withoutContacts(null)).isNull();
    }
}
