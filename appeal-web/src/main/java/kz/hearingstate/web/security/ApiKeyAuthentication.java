package kz.hearingstate.web.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API key as presented (unauthenticated), or the principal it belongs to (authenticated). The key is never kept after. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient Object principal;
    private transient String key;

    private ApiKeyAuthentication(String key) {
        super(List.of());
        this.key = key;
        this.principal = null;
    }

    private ApiKeyAuthentication(ApiPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority(principal.kind().authority())));
        this.principal = principal;
        setAuthenticated(true);
    }

    public static ApiKeyAuthentication unauthenticated(String key) {
        return new ApiKeyAuthentication(key);
    }

    public static ApiKeyAuthentication authenticated(ApiPrincipal principal) {
        return new ApiKeyAuthentication(principal);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public void eraseCredentials() {
        key = null;
        super.eraseCredentials();
    }
}
