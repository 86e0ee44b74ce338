package kz.hearingstate.routing.access;

import java.util.Map;

import kz.hearingstate.routing.config.RoutingProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(new RoutingProperties(null, null, null, null,
            new RoutingProperties.Security(ApiKeys.sha256Hex("the-admin"),
                    Map.of("education", ApiKeys.sha256Hex("edu-key"), "health", ApiKeys.sha256Hex("health-key")))));

    @Test
    void givenKnownKeys_thenTheyIdentifyTheAdminOrTheirDepartment() {
        assertThat(keys.authenticate("the-admin").admin()).isTrue();
        assertThat(keys.authenticate("edu-key")).isEqualTo(Caller.ofDepartment("education"));
        assertThat(keys.requireDepartmentOrAdmin("health-key", "health").department()).isEqualTo("health");
        assertThat(keys.requireDepartmentOrAdmin("the-admin", "health").admin()).isTrue();
    }

    @Test
    void givenMissingUnknownOrForeignKeys_thenTheyAreRefused() {
        assertThatThrownBy(() -> keys.authenticate(null)).isInstanceOf(ApiKeys.UnauthenticatedException.class);
        assertThatThrownBy(() -> keys.authenticate(" ")).isInstanceOf(ApiKeys.UnauthenticatedException.class);
        assertThatThrownBy(() -> keys.authenticate(ApiKeys.sha256Hex("edu-key"))).isInstanceOf(ApiKeys.UnauthenticatedException.class);
        assertThatThrownBy(() -> keys.requireAdmin("edu-key")).isInstanceOf(ApiKeys.ForbiddenException.class);
        assertThatThrownBy(() -> keys.requireDepartmentOrAdmin("edu-key", "health")).isInstanceOf(ApiKeys.ForbiddenException.class);
    }

    @Test
    void givenTheShippedDemoKeys_thenTheirHashesAreTheOnesInApplicationYml() throws Exception {
        String yml = new String(ApiKeysTest.class.getResourceAsStream("/application.yml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(yml).contains(ApiKeys.sha256Hex("admin-demo-key")).contains(ApiKeys.sha256Hex("education-demo-key"))
                .contains(ApiKeys.sha256Hex("akim-office-demo-key"));
    }
}
