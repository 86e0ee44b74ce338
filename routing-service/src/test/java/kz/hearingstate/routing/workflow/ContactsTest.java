package kz.hearingstate.routing.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactsTest {

    @Test
    void givenAContact_whenMasked_thenOnlyInitialsAndEdgesRemain() {
        assertThat(Contacts.name("Айгерим Сапарова")).isEqualTo("А****** С*******");
        assertThat(Contacts.phone("+77010000042")).isEqualTo("+7********42");
        assertThat(Contacts.email("citizen@example.test")).isEqualTo("c***@example.test");
        assertThat(Contacts.iin("900101300000")).isEqualTo("**********00");
    }

    @Test
    void givenMissingOrOddValues_whenMasked_thenNothingLeaksAndNothingFails() {
        assertThat(Contacts.name(null)).isNull();
        assertThat(Contacts.phone("123")).isEqualTo("***");
        assertThat(Contacts.email("no-at-sign")).isEqualTo("***");
        assertThat(Contacts.iin(null)).isNull();
    }
}
