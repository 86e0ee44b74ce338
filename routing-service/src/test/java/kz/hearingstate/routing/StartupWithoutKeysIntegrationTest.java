package kz.hearingstate.routing;

import kz.hearingstate.testing.StartupRefusal;
import org.junit.jupiter.api.Test;

/** Production configuration holds no demo key: routing without the local profile and without real keys does not start. */
class StartupWithoutKeysIntegrationTest {

    @Test
    void givenNoLocalProfileAndNoAdminKey_whenStarting_thenRefusedNamingTheSetting() {
        StartupRefusal.of(RoutingApplication.class)
                .hasMessageContaining("hearing.web.security.keys.admin.<name>")
                .hasMessageContaining("--spring.profiles.active=local");
    }

    @Test
    void givenAnAdminKeyButNoDepartmentKey_whenStarting_thenRefusedNamingTheDepartmentSetting() {
        StartupRefusal.of(RoutingApplication.class, "ROUTING_ADMIN_KEY_SHA256=" + "ab".repeat(32))
                .hasMessageContaining("hearing.web.security.keys.department.<name>");
    }
}
