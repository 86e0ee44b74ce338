package kz.hearingstate.intake;

import kz.hearingstate.testing.StartupRefusal;
import org.junit.jupiter.api.Test;

/**
 * Production configuration holds no demo key and no citizen-access key: intake without the local profile and
 * without channel keys does not start, nor without the HMAC key of the citizens' secrets.
 */
class StartupWithoutKeysIntegrationTest {

    // The builder's properties are defaults, below application.yml: set the variable its placeholder reads.
    private static final String CITIZEN_ACCESS_KEY = "CITIZEN_ACCESS_KEY=" + IntakeIntegrationTest.CITIZEN_ACCESS_KEY;

    @Test
    void givenNoLocalProfileAndNoChannelKey_whenStarting_thenRefusedNamingTheSetting() {
        StartupRefusal.of(IntakeApplication.class, CITIZEN_ACCESS_KEY)
                .hasMessageContaining("hearing.web.security.keys.channel.<name>")
                .hasMessageContaining("--spring.profiles.active=local");
    }

    @Test
    void givenChannelKeysButNoCitizenAccessKey_whenStarting_thenRefusedNamingTheSetting() {
        StartupRefusal.of(IntakeApplication.class, "spring.profiles.active=local")
                .hasMessageContaining("CITIZEN_ACCESS_KEY")
                .hasMessageContaining("at least 32");
    }
}
