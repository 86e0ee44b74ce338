package kz.hearingstate.web.security;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.hearingstate.web.Hashing;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * The configured API keys: finds the principal a key belongs to by its SHA-256, so configuration reveals no
 * key. Refuses to start on a malformed hash, on one hash given to two principals, and when a kind the service
 * requires has no key at all (demo keys live only in the {@code local} profile).
 */
public class ApiKeys implements AuthenticationProvider {

    static final String PREFIX = "hearing.web.security.keys";

    private final Map<String, ApiPrincipal> principalByHash = new HashMap<>();

    public ApiKeys(ApiSecurityProperties properties) {
        properties.keys().forEach((kind, principals) -> principals.forEach((name, hashes) -> {
            for (String hash : hashes == null ? List.<String>of() : hashes) {
                if (hash == null || hash.isBlank()) {
                    continue;
                }
                String normalised = hash.strip().toLowerCase(Locale.ROOT);
                String setting = PREFIX + "." + kind.configName() + "." + name;
                if (!Hashing.isSha256Hex(normalised)) {
                    throw new IllegalStateException(setting + " must hold SHA-256 hashes of keys (64 hex characters, "
                            + "echo -n KEY | sha256sum), not the keys themselves");
                }
                ApiPrincipal previous = principalByHash.put(normalised, new ApiPrincipal(kind, name));
                if (previous != null && !previous.equals(new ApiPrincipal(kind, name))) {
                    throw new IllegalStateException("One API key hash is configured for " + previous.kind().configName()
                            + " " + previous.name() + " and for " + kind.configName() + " " + name + " (" + setting + ")");
                }
            }
        }));
        for (PrincipalKind required : properties.requiredKinds()) {
            if (principalByHash.values().stream().noneMatch(principal -> principal.kind() == required)) {
                throw new IllegalStateException("No " + required.configName() + " API key is configured: set "
                        + PREFIX + "." + required.configName() + ".<name> to the SHA-256 hex of each real key "
                        + "(the environment variables are listed in the README's configuration table), "
                        + "or start with --spring.profiles.active=local for the published demo keys");
            }
        }
    }

    public Optional<ApiPrincipal> principalOf(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(principalByHash.get(Hashing.sha256Hex(key)));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return principalOf((String) authentication.getCredentials())
                .map(ApiKeyAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
