package kz.hearingstate.notification;

import kz.hearingstate.testing.StartupRefusal;
import org.junit.jupiter.api.Test;

/** Production configuration holds no demo key: notification without the local profile and without an operator key does not start. */
class StartupWithoutKeysIntegrationTest {

    @Test
    void givenNoLocalProfileAndNoOperatorKey_whenStarting_thenRefusedNamingTheSetting() {
        StartupRefusal.of(NotificationApplication.class)
                .hasMessageContaining("hearing.web.security.keys.operator.<name>")
                .hasMessageContaining("--spring.profiles.active=local");
    }
}
