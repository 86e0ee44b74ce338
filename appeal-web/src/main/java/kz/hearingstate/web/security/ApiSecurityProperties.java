package kz.hearingstate.web.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearing.web.security.*}: who may call a service's API, and how the key is sent.
 *
 * @param header                the request header that carries the key
 * @param formParameter         a request parameter also accepted when the header is absent ({@code api_key} for
 *                              Open311, whose clients send it in the form); empty for none
 * @param apiPaths              the paths of the API-key filter chain; everything else is the public chain
 * @param requiredKinds         kinds that must have at least one key, or the service refuses to start
 * @param keys                  per kind, per principal name, the hex SHA-256 hashes of its keys (several while
 *                              rotating): {@code echo -n KEY | sha256sum}
 * @param contentSecurityPolicy the Content-Security-Policy of every answer
 * @param openActuatorEndpoints actuator endpoints answered without a key (every other one needs the admin's);
 *                              a test stack adds {@code bindings} to pause consumers
 */
@ConfigurationProperties("hearing.web.security")
public record ApiSecurityProperties(
        @DefaultValue("X-Api-Key") String header,
        @DefaultValue("") String formParameter,
        @DefaultValue({"/api/**", "/open311/**"}) List<String> apiPaths,
        @DefaultValue Set<PrincipalKind> requiredKinds,
        @DefaultValue Map<PrincipalKind, Map<String, List<String>>> keys,
        @DefaultValue("default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        String contentSecurityPolicy,
        @DefaultValue({"health", "info", "prometheus"}) List<String> openActuatorEndpoints) {
}
