package kz.hearingstate.web;

import static org.assertj.core.api.Assertions.assertThat;

import kz.hearingstate.web.security.ApiKeys;
import kz.hearingstate.web.security.ApiPrincipal;
import kz.hearingstate.web.security.PrincipalKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

/** Keys come only as SHA-256 hashes, and a service without the keys it needs does not start. */
class ApiKeysTest {

    static final String PORTAL_HASH = "9947bce02c34669a8d8a1fd63aea078a6b8f8d92e041c92813c69d1718f0acc8";

    final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    JacksonAutoConfiguration.class, MessageSourceAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class))
            .withPropertyValues("hearing.web.security.required-kinds=channel");

    @Test
    void givenNoKeyOfARequiredKind_whenStarting_thenRefusedNamingTheSettingAndTheLocalProfile() {
        service.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("hearing.web.security.keys.channel.<name>")
                    .hasMessageContaining("--spring.profiles.active=local");
        });
    }

    @Test
    void givenAKeyInsteadOfItsHash_whenStarting_thenRefusedNamingTheSetting() {
        service.withPropertyValues("hearing.web.security.keys.channel.portal=portal-test-key").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("hearing.web.security.keys.channel.portal")
                    .hasMessageContaining("SHA-256");
        });
    }

    @Test
    void givenOneHashForTwoPrincipals_whenStarting_thenRefused() {
        service.withPropertyValues("hearing.web.security.keys.channel.portal=" + PORTAL_HASH,
                "hearing.web.security.keys.admin.admin=" + PORTAL_HASH).run(context -> assertThat(context).hasFailed());
    }

    @Test
    void givenTheHashOfAKey_whenLookingTheKeyUp_thenItsPrincipal() {
        service.withPropertyValues("hearing.web.security.keys.channel.portal=" + PORTAL_HASH.toUpperCase()).run(context -> {
            ApiKeys keys = context.getBean(ApiKeys.class);
            assertThat(keys.principalOf("portal-test-key")).contains(new ApiPrincipal(PrincipalKind.CHANNEL, "portal"));
            assertThat(keys.principalOf("portal-test-key ")).isEmpty();
            assertThat(keys.principalOf(PORTAL_HASH)).isEmpty();
            assertThat(keys.principalOf(null)).isEmpty();
        });
    }

    @Test
    void givenAValue_whenHashing_thenTheSha256sumOfItsUtf8Bytes() {
        assertThat(Hashing.sha256Hex("portal-test-key")).isEqualTo(PORTAL_HASH);
        assertThat(Hashing.sha256Hex("portal-test-key", 6)).isEqualTo(PORTAL_HASH.substring(0, 12));
        assertThat(Hashing.isSha256Hex(PORTAL_HASH)).isTrue();
        assertThat(Hashing.isSha256Hex("portal-test-key")).isFalse();
    }
}
