package kz.hearingstate.routing.workbench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import kz.hearingstate.web.security.ApiSecurityConfiguration;
import kz.hearingstate.web.security.ApiSecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * The workbench's browser sessions: a filter chain of its own for {@code /workbench/**} (form login against
 * the configured accounts, OIDC when a client registration is configured, CSRF, session expiry, logout),
 * roles per screen. Nothing else of the service is matched here: the API keeps its key checks and no cookie
 * authenticates it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkbenchProperties.class)
public class WorkbenchSecurity {

    static final String LOGIN = "/workbench/login";

    @Bean
    @Order(ApiSecurityConfiguration.STAFF_CHAIN_ORDER)
    SecurityFilterChain workbenchFilterChain(HttpSecurity http, WorkbenchProperties properties,
            ApiSecurityProperties security, ObjectProvider<ClientRegistrationRepository> oidcClients) throws Exception {
        // Its own provider beside appeal-web's API-key provider (which knows no passwords).
        DaoAuthenticationProvider accounts = new DaoAuthenticationProvider(workbenchAccounts(properties));
        accounts.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        http.securityMatcher("/workbench/**")
                .authenticationProvider(accounts)
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(LOGIN, "/workbench/workbench.css", "/workbench/webjars/**").permitAll()
                        .requestMatchers("/workbench/triage/**").hasAnyRole(StaffRole.TRIAGE.name(), StaffRole.ADMIN.name())
                        .requestMatchers("/workbench/office/**").hasAnyRole(StaffRole.AKIM_OFFICE.name(), StaffRole.ADMIN.name())
                        .requestMatchers("/workbench/inbox/**").hasAnyRole(StaffRole.SPECIALIST.name(),
                                StaffRole.HEAD.name(), StaffRole.ANTI_CORRUPTION.name())
                        .anyRequest().hasAnyRole(java.util.Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new)))
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/workbench", true).failureUrl(LOGIN + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/workbench/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(signIn())
                        .accessDeniedHandler(refusals()))
                // The platform's CSP (default-src 'self', no inline script or style), nosniff, no referrer, no framing.
                .headers(headers -> ApiSecurityConfiguration.securityHeaders(headers, security));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage(LOGIN)
                    .authorizationEndpoint(endpoint -> endpoint.baseUri("/workbench/oauth2/authorization"))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri("/workbench/login/oauth2/code/*"))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers(properties.oidc())))
                    .defaultSuccessUrl("/workbench", true)
                    .failureUrl(LOGIN + "?error"));
        }
        return http.build();
    }

    /**
     * A form refused for its CSRF token (its session ended while it was being filled in, the usual case, or a forged
     * post) gets a page that says nothing was saved and shows what was typed, to copy before signing in again; any
     * other refusal, "not for this role".
     */
    static AccessDeniedHandler refusals() {
        AccessDeniedHandlerImpl notForThisRole = new AccessDeniedHandlerImpl();
        notForThisRole.setErrorPage("/workbench/forbidden");
        AccessDeniedHandlerImpl sessionEnded = new AccessDeniedHandlerImpl();
        sessionEnded.setErrorPage("/workbench/session-ended");
        return new DelegatingAccessDeniedHandler(new LinkedHashMap<>(Map.of(CsrfException.class, sessionEnded)), notForThisRole);
    }

    /** Local profile only: how to sign in, printed once the port is known. */
    @Bean
    ApplicationRunner printDemoLogins(WorkbenchProperties properties, ApplicationContext context) {
        return args -> {
            if (!properties.printDemoLogins()) {
                return;
            }
            int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8082;
            org.slf4j.LoggerFactory.getLogger(WorkbenchSecurity.class).info(
                    "Workbench http://127.0.0.1:{}/workbench demo logins (password = login + \"-demo\"): {}", port,
                    String.join(", ", properties.accounts().keySet().stream().sorted().toList()));
        };
    }

    /**
     * To the login page; but an htmx poll after the session expired gets 401 with {@code HX-Redirect}, so the
     * whole page goes to the login instead of a login form inside the inbox's table.
     */
    private static AuthenticationEntryPoint signIn() {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(LOGIN);
        RequestHeaderRequestMatcher htmx = new RequestHeaderRequestMatcher("HX-Request");
        return (request, response, e) -> {
            if (htmx.matches(request)) {
                response.setHeader("HX-Redirect", LOGIN);
                response.setStatus(401);
            } else {
                page.commence(request, response, e);
            }
        };
    }

    /**
     * The configured accounts; a broken one stops the start with the setting's name. Passwords are checked by
     * the DelegatingPasswordEncoder: {@code {bcrypt}...}, {@code {argon2}...}, whatever the hash names.
     */
    static UserDetailsService workbenchAccounts(WorkbenchProperties properties) {
        Map<String, UserDetails> users = new java.util.HashMap<>();
        properties.accounts().forEach((name, account) -> {
            String setting = "hearing.routing.workbench.accounts." + name;
            if (account.role() == null) {
                throw new IllegalStateException(setting + ".role is required (one of " + List.of(StaffRole.values()) + ")");
            }
            if (account.role().departmental() && (account.department() == null || account.department().isBlank())) {
                throw new IllegalStateException(setting + ".department is required for " + account.role());
            }
            if (account.password() == null || !account.password().matches("\\{[a-z0-9]+}.+")) {
                throw new IllegalStateException(setting + ".password must be a hash such as {bcrypt}$2a$10$...");
            }
            users.put(name, User.withUsername(name).password(account.password())
                    .authorities(StaffUser.authorities(account.role(), account.department())).build());
        });
        return username -> {
            UserDetails user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("No such workbench account");
            }
            return User.withUserDetails(user).build();
        };
    }

    /** The SSO's user, with the workbench role (and department) taken from the configured claims. */
    static OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(WorkbenchProperties.Oidc oidc) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                    .getUserNameAttributeName();
            return new DefaultOidcUser(authorities(user.getClaims(), oidc), user.getIdToken(), user.getUserInfo(),
                    nameAttribute == null || nameAttribute.isBlank() ? "sub" : nameAttribute);
        };
    }

    /**
     * Workbench authorities from an SSO's claims: each known role name in the roles claim (a list, or one
     * string separated by commas or spaces); department roles only with a department claim. Nothing known:
     * no authority, and the workbench answers "forbidden".
     */
    static List<GrantedAuthority> authorities(Map<String, Object> claims, WorkbenchProperties.Oidc oidc) {
        Object raw = claims.get(oidc.rolesClaim());
        List<String> names = new ArrayList<>();
        if (raw instanceof Collection<?> values) {
            values.forEach(value -> names.add(String.valueOf(value)));
        } else if (raw != null) {
            names.addAll(List.of(String.valueOf(raw).split("[,\\s]+")));
        }
        Object department = claims.get(oidc.departmentClaim());
        for (StaffRole role : StaffRole.values()) {
            if (names.stream().anyMatch(name -> name.trim().equalsIgnoreCase(role.name()))) {
                if (role.departmental() && (department == null || String.valueOf(department).isBlank())) {
                    continue;
                }
                return StaffUser.authorities(role, department == null ? null : String.valueOf(department));
            }
        }
        return List.of();
    }
}
