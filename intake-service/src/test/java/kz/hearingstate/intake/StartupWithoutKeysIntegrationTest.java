package kz.hearingstate.intake;

import kz.hearingstate.testing.StartupRefusal;
import org.junit.jupiter.api.Test;

/** Production configuration holds no demo key: intake without the local profile and without channel keys does not start. */
class StartupWithoutKeysIntegrationTest {

    @Test
    void givenNoLocalProfileAndNoChannelKey_whenStarting_thenRefusedNamingTheSetting() {
        StartupRefusal.of(IntakeApplication.class)
                .hasMessageContaining("hearing.web.security.keys.channel.<name>")
                .hasMessageContaining("--spring.profiles.active=local");
    }
}
