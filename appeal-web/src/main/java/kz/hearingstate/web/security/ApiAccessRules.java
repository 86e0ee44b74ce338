package kz.hearingstate.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;

/**
 * A service's rules for its API chain, as one bean: which paths need which principal kind. The chain adds the
 * actuator rules before them and {@code anyRequest().authenticated()} after them, so do not call
 * {@code anyRequest()} here. Per-resource ownership ("this department's appeal") is checked in the service
 * against the {@link ApiPrincipal}, and "not yours" is answered as not found.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /** Entry points for paths that must answer a refusal in another format (Open311); checked before the default. */
    default void exceptionHandling(ExceptionHandlingConfigurer<HttpSecurity> handling) {
    }
}
