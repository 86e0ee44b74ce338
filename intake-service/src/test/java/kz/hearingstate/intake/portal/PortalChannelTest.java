package kz.hearingstate.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.hearingstate.web.security.ApiSecurityProperties;
import kz.hearingstate.web.security.PrincipalKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The portal's own channel holds no key: an API client holding one would be the portal to the API, and could read and
 * act on every appeal sent through the portal by its public tracking code.
 */
class PortalChannelTest {

    @Test
    void givenAKeyForThePortalsChannel_whenIntakeStarts_thenItRefuses() {
        assertThatThrownBy(() -> PortalConfiguration.requireNoKeyFor("citizen-portal",
                keys(Map.of("citizen-portal", List.of("ab12")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keys.channel.citizen-portal");
        // An empty hash (compose's variable left unset) is no key; another channel's key is that channel's.
        assertThatNoException().isThrownBy(() -> PortalConfiguration.requireNoKeyFor("citizen-portal",
                keys(Map.of("citizen-portal", List.of(""), "web-portal", List.of("ab12")))));
    }

    @Test
    void givenTheShippedConfiguration_thenThePortalSubmitsAsAChannelThatNoKeyNames() throws IOException {
        Map<String, Object> shipped = new HashMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
            for (String name : properties.getPropertyNames()) {
                shipped.putIfAbsent(name, properties.getProperty(name));
            }
        }
        String portalChannel = String.valueOf(shipped.get("hearing.intake.portal.channel"));
        assertThat(portalChannel).isEqualTo("citizen-portal");
        assertThat(shipped).containsKey("hearing.web.security.keys.channel.web-portal")
                .doesNotContainKey("hearing.web.security.keys.channel." + portalChannel);
    }

    private static ApiSecurityProperties keys(Map<String, List<String>> channelKeys) {
        return new ApiSecurityProperties("X-Api-Key", "", List.of("/api/**"), Set.of(),
                Map.of(PrincipalKind.CHANNEL, channelKeys), "default-src 'self'", List.of("health"));
    }
}
