package kz.hearingstate.notification.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void givenFreeTextWithPersonalData_whenMasked_thenNoneOfItSurvives() {
        String masked = Masking.text("550 mailbox aigerim@mail.kz unavailable; phone +77011234567, IIN 900101301234");

        assertThat(masked).doesNotContain("aigerim@", "7011234567", "900101301234")
                .contains("a***@mail.kz", "+7 *** *** ** 67", "**********34");
    }

    @Test
    void givenNull_whenMasked_thenNull() {
        assertThat(Masking.text(null)).isNull();
    }

    @Test
    void givenErrorTextWithContactsMaskedOrNot_whenPreparedForALog_thenNoneOfThemRemains() {
        String masked = Masking.text("550 mailbox aigerim@mail.kz unavailable; phone +77011234567, IIN 900101301234");

        for (String text : List.of(masked, "550 mailbox aigerim@mail.kz unavailable; phone +77011234567, IIN 900101301234",
                "550 <***@akimat.test> rejected",
                "550 mailbox a***@mail.kz unavailable; phone +7 *** *** 45 67, IIN ******1234")) { // as stored before
            assertThat(Masking.withoutContacts(text)).doesNotContain("@", "mail.kz", "akimat", "4567", "1234", "***")
                    .startsWith("550 ");
        }
        assertThat(Masking.withoutContacts(masked)).isEqualTo("550 mailbox <contact> unavailable; phone <contact>, IIN <contact>");
        assertThat(Masking.withoutContacts(null)).isNull();
    }

    @Test
    void givenAnInternationalisedAddressInAnError_whenMasked_thenItIsMaskedLikeAnyOther() {
        String refusal = "550 5.1.1 <айгерим@почта.қаз>: mailbox unavailable";
        assertThat(Masking.text(refusal)).contains("<***@почта.қаз>").doesNotContain("айгерим");
        assertThat(Masking.withoutContacts(refusal)).contains("<contact>").doesNotContain("почта");
    }

    @Test
    void givenAnAddressWithCharactersIntakeAcceptsInItsLocalPart_whenMasked_thenNoneOfItsLocalPartSurvives() {
        String refusal = "550 5.1.1 <ivan!petrov@mail.kz>: Recipient address rejected; also o'neil#2@mail.kz, x%y@mail.kz,"
                + " ivan(work)@mail.kz, ivan,petrov@mail.kz";

        assertThat(Masking.text(refusal)).doesNotContain("ivan", "petrov", "neil", "#2", "%y", "work")
                .contains("<***@mail.kz>: Recipient", "o***@mail.kz", "x***@mail.kz");
        assertThat(Masking.withoutContacts(refusal))
                .isEqualTo("550 5.1.1 <contact>>: Recipient address rejected; also <contact>, <contact>, <contact>, <contact>");
    }

    @Test
    void givenAMessageWithThePrivateLink_whenItsSecretsAreHidden_thenTheLinksStayButNotTheirSecrets() {
        String body = "Сілтеме: https://e-otinish.kz/portal/a/k3v9x2m7q4w8z1c6b5n0p2r7\n"
                + "API: https://e-otinish.kz/api/v1/appeals/access/k3v9x2m7q4w8z1c6b5n0p2r7?lang=kk";
        assertThat(Masking.withoutAccessSecrets(body))
                .isEqualTo("Сілтеме: https://e-otinish.kz/portal/a/***\nAPI: https://e-otinish.kz/api/v1/appeals/access/***?lang=kk");
        assertThat(Masking.withoutAccessSecrets(null)).isNull();
    }
}
