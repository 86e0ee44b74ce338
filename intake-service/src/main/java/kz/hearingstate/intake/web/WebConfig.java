package kz.hearingstate.intake.web;

import java.util.List;

import kz.hearingstate.intake.channel.ChannelRateLimiting;
import kz.hearingstate.intake.open311.Open311Refusals;
import kz.hearingstate.intake.status.AppealLookup;
import kz.hearingstate.intake.status.OpenedBySecret;
import kz.hearingstate.web.security.ApiAccessRules;
import kz.hearingstate.web.security.PrincipalKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what (appeal-web's API chain does the authentication): the citizen's secret links
 * ({@code /api/v1/appeals/access/**}: status, replies, feedback) need no key, the secret is the key, and are limited per
 * client address; every other path of the JSON API needs a channel key, reads included (the submitting channel
 * reads its users' appeals by tracking code); Open311's public reads need none. Channel rate limits apply to
 * POSTs; all limits act before the body is bound.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    static final RequestMatcher OPEN311 = PathPatternRequestMatcher.withDefaults().matcher("/open311/**");

    private final ChannelRateLimiting channelRateLimiting;
    private final OpenedBySecret.Resolver openedBySecret;

    public WebConfig(ChannelRateLimiting channelRateLimiting, ObjectProvider<AppealLookup> lookup) {
        this.channelRateLimiting = channelRateLimiting;
        this.openedBySecret = new OpenedBySecret.Resolver(lookup);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(openedBySecret);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(channelRateLimiting).addPathPatterns("/api/**", "/open311/**");
    }

    @Bean
    ApiAccessRules intakeAccess(Open311Refusals open311) {
        return new ApiAccessRules() {
            @Override
            public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
                rules.requestMatchers(HttpMethod.GET, "/api/v1/appeals/access/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/appeals/access/*/feedback", "/api/v1/appeals/access/*/replies")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/open311/**").permitAll()
                        .requestMatchers("/api/**").hasRole(PrincipalKind.CHANNEL.role())
                        .requestMatchers(HttpMethod.POST, "/open311/**").hasRole(PrincipalKind.CHANNEL.role());
            }

            @Override
            public void exceptionHandling(ExceptionHandlingConfigurer<HttpSecurity> handling) {
                // GeoReport v2 answers a missing or wrong api_key with 403 in its own error format.
                handling.defaultAuthenticationEntryPointFor(open311, OPEN311);
                handling.defaultAccessDeniedHandlerFor(open311, OPEN311);
            }
        };
    }
}
