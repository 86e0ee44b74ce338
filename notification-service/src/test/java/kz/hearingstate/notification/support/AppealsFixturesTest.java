package kz.hearingstate.notification.support;

import static org.assertj.core.api.Assertions.assertThat;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/** The events the tests publish are valid against the platform's schemas, as real producers' are. */
class AppealsFixturesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void givenSubmittedFixture_whenValidated_thenItSatisfiesTheSchema() {
        String body = json.writeValueAsString(Appeals.submitted(Appeals.newAppealId(), "web", Language.kk,
                Appeals.citizen(ContactChannel.SMS, "+77011234567", "a@mail.kz", Language.kk)));

        assertThat(EventSchemas.violations(EventTypes.APPEAL_SUBMITTED, body, json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LifecycleType.class)
    void givenLifecycleFixture_whenValidated_thenItSatisfiesTheSchemaOfItsType(LifecycleType type) {
        String body = json.writeValueAsString(Appeals.step(Appeals.newAppealId(), 3, type, "roads"));

        assertThat(EventSchemas.violations(type.eventType(), body, json)).isEmpty();
    }

    @Test
    void givenInternalForwardFixture_whenValidated_thenItSatisfiesTheSchema() {
        String body = json.writeValueAsString(Appeals.forwardedInside(Appeals.newAppealId(), 2, "roads", "water"));

        assertThat(EventSchemas.violations(LifecycleType.FORWARDED.eventType(), body, json)).isEmpty();
    }
}
