package kz.hearingstate.web.security;

import kz.hearingstate.web.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Two filter chains, each matched by path (see the module's README, "Security"):
 * <ol>
 *   <li>{@link #API_CHAIN_ORDER}: {@code hearing.web.security.api-paths} and {@code /actuator/**}. Stateless,
 *       no cookies, no CSRF (nothing a browser sends by itself), the {@link ApiKeyAuthenticationFilter}, the
 *       actuator's explicit rules ({@code hearing.web.security.open-actuator-endpoints} open, the rest the
 *       admin's), the service's {@link ApiAccessRules}, then every other path authenticated.
 *       Answers carry {@code Cache-Control: no-store}.</li>
 *   <li>{@link #PUBLIC_CHAIN_ORDER}: everything else (public pages, static files, {@code /error}): open, with
 *       the same security headers.</li>
 * </ol>
 * A chain for staff browser sessions (form login, CSRF, roles) is added as another {@code SecurityFilterChain}
 * bean with its own {@code securityMatcher} and an order between the two ({@link #STAFF_CHAIN_ORDER}); neither
 * chain here nor the key filter changes.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    public static final int API_CHAIN_ORDER = 10;
    /** Reserved for a browser-session chain (workbench, citizen portal). */
    public static final int STAFF_CHAIN_ORDER = 20;
    public static final int PUBLIC_CHAIN_ORDER = 100;

    /**
     * No Spring Security observations in any chain. With an observation registry (every service has one, for its
     * metrics) Spring Security wraps each filter of each request to observe it, for traces no service exports and
     * timers no dashboard reads; turning the observations off by predicate kept the wrapping, 2.7 % of intake's CPU
     * samples under load. Requests stay timed by {@code http.server.requests}.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeys apiKeys(ApiSecurityProperties properties) {
        return new ApiKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemResponses problems, ApiSecurityProperties properties) {
        return new ProblemSecurityHandlers(problems, properties);
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiKeyFilterChain(HttpSecurity http, ApiKeys keys, ApiSecurityProperties properties,
            ProblemSecurityHandlers handlers, ObjectProvider<ApiAccessRules> serviceRules) throws Exception {
        ApiAccessRules rules = serviceRules.getIfAvailable(() -> registry -> { });
        String[] paths = properties.apiPaths().toArray(String[]::new);
        http.securityMatcher(concat(paths, "/actuator/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, properties), AuthorizationFilter.class)
                .exceptionHandling(handling -> {
                    rules.exceptionHandling(handling);
                    handling.defaultAuthenticationEntryPointFor(handlers, AnyRequestMatcher.INSTANCE)
                            .accessDeniedHandler(handlers);
                })
                .headers(headers -> securityHeaders(headers, properties))
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(properties.openActuatorEndpoints().stream()
                            .flatMap(id -> java.util.stream.Stream.of("/actuator/" + id, "/actuator/" + id + "/**"))
                            .toArray(String[]::new)).permitAll();
                    authorize.requestMatchers("/actuator/**").hasRole(PrincipalKind.ADMIN.role());
                    rules.authorize(authorize);
                    authorize.anyRequest().authenticated();
                });
        return http.build();
    }

    @Bean
    @Order(PUBLIC_CHAIN_ORDER)
    SecurityFilterChain publicFilterChain(HttpSecurity http, ApiSecurityProperties properties) throws Exception {
        http.securityMatcher(AnyRequestMatcher.INSTANCE)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> securityHeaders(headers, properties).cacheControl(cache -> cache.disable()))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        return http.build();
    }

    /** CSP, nosniff, no referrer, no framing; every chain uses the same. */
    public static HeadersConfigurer<HttpSecurity> securityHeaders(HeadersConfigurer<HttpSecurity> headers,
            ApiSecurityProperties properties) {
        return headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.deny())
                .contentTypeOptions(nosniff -> { });
    }

    private static String[] concat(String[] paths, String extra) {
        String[] all = java.util.Arrays.copyOf(paths, paths.length + 1);
        all[paths.length] = extra;
        return all;
    }
}
