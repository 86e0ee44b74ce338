package kz.hearingstate.intake.portal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.web.WebAutoConfiguration;
import kz.hearingstate.web.problem.PeoplesPages;
import kz.hearingstate.web.security.ApiSecurityConfiguration;
import kz.hearingstate.web.security.ApiSecurityProperties;
import kz.hearingstate.web.security.PrincipalKind;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The portal's browser edge. Its own filter chain for {@code /portal/**}: no login (a citizen needs none), CSRF
 * on every form post (a token in a cookie and in the form, so no server session), the platform's security
 * headers. The API chain and its keys are untouched: the pages never hold a channel key.
 *
 * <p>Language: the one the person chose ({@code ?lang=kk|ru|en}, kept in a cookie valid under {@code /portal}
 * only), else the best of Accept-Language, else Kazakh. The API keeps answering by Accept-Language alone: its
 * clients never carry the portal's cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class) // here too, so that web slices loading the portal's advice have it
public class PortalConfiguration implements WebMvcConfigurer {

    static final String PATH = "/portal";
    static final List<Locale> LANGUAGES = List.of(WebAutoConfiguration.KAZAKH, WebAutoConfiguration.RUSSIAN, Locale.ENGLISH);
    static final String LANGUAGE_COOKIE = "portal-lang";

    @Bean
    @Order(ApiSecurityConfiguration.STAFF_CHAIN_ORDER)
    SecurityFilterChain portalFilterChain(HttpSecurity http, ApiSecurityProperties properties) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookiePath(PATH);
        csrfTokens.setCookieName("portal-csrf");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.securityMatcher(PATH, PATH + "/**")
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                // A refused form post (the page was open too long, or cookies are off): a page in the person's
                // language that sends them back to a fresh form, never Spring's error page.
                .exceptionHandling(handling -> handling.accessDeniedPage(PATH + "/refused"))
                .headers(headers -> ApiSecurityConfiguration.securityHeaders(headers, properties)
                        .cacheControl(cache -> { }))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        return http.build();
    }

    /**
     * The portal submits in-process as a channel of its own, which no key may hold: a holder of that channel's key
     * would be the portal to the API, and could read and act on every appeal sent through the portal by its public
     * tracking code ({@code AppealLookup#ofChannel}). So intake refuses to start with a key for it.
     */
    @Bean
    InitializingBean portalChannelHoldsNoKey(PortalProperties portal, ApiSecurityProperties security) {
        return () -> requireNoKeyFor(portal.channel(), security);
    }

    static void requireNoKeyFor(String portalChannel, ApiSecurityProperties security) {
        List<String> hashes = security.keys().getOrDefault(PrincipalKind.CHANNEL, Map.of()).get(portalChannel);
        if (hashes != null && hashes.stream().anyMatch(hash -> hash != null && !hash.isBlank())) {
            throw new IllegalStateException("hearing.web.security.keys.channel." + portalChannel + " is set, but '"
                    + portalChannel + "' is the portal's own channel (hearing.intake.portal.channel), which no key may "
                    + "hold: give the API client a channel of its own");
        }
    }

    /** An address under the portal that nothing serves: the portal's "not found" page, in the visitor's language. */
    @Bean
    PeoplesPages portalPages(PortalErrors errors) {
        return new PeoplesPages() {
            @Override
            public boolean owns(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.equals(PATH) || path.startsWith(PATH + "/");
            }

            @Override
            public ModelAndView notFound(HttpServletRequest request) {
                ExtendedModelMap model = new ExtendedModelMap();
                String view = errors.page(model, RequestContextUtils.getLocale(request), "portal.nopage.title",
                        "portal.nopage.text", List.of());
                return new ModelAndView(view, model);
            }
        };
    }

    /** Replaces appeal-web's resolver (same bean name): the same Accept-Language choice, but a portal visitor's own choice first. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver acceptLanguage = new AcceptHeaderLocaleResolver();
        acceptLanguage.setSupportedLocales(LANGUAGES);
        acceptLanguage.setDefaultLocale(Locale.ENGLISH);
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE) {
            /** A cookie naming none of kk, ru, en counts as no cookie: the pages know no other language. */
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale parsed = super.parseLocaleValue(value);
                return parsed != null && LANGUAGES.stream().anyMatch(ours -> ours.getLanguage().equals(parsed.getLanguage()))
                        ? parsed : null;
            }
        };
        resolver.setRejectInvalidCookies(false); // a cookie that does not parse ("de!", "kk/Nowhere") counts as none, not a 500
        resolver.setCookiePath(PATH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> defaultLocale(request, acceptLanguage));
        return resolver;
    }

    /**
     * Outside the portal's pages, appeal-web's rule; on them (and on the page the links of later messages open,
     * {@link TrackingCodeLinks}), Kazakh (the state language) when Accept-Language names none of the three.
     */
    private static Locale defaultLocale(HttpServletRequest request, AcceptHeaderLocaleResolver acceptLanguage) {
        if (isPortalPage(request.getRequestURI()) && !namesOneOfOurs(request.getHeader("Accept-Language"))) {
            return WebAutoConfiguration.KAZAKH;
        }
        return acceptLanguage.resolveLocale(request);
    }

    private static boolean isPortalPage(String uri) {
        return uri.startsWith(PATH) || uri.startsWith(TrackingCodeLinks.PATH + "/");
    }

    private static boolean namesOneOfOurs(String acceptLanguage) {
        if (acceptLanguage == null) {
            return false;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream().anyMatch(range -> LANGUAGES.stream()
                    .anyMatch(language -> range.getRange().startsWith(language.getLanguage())));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // The links of notification's messages carry the message's language (?lang=), on the private link and the
        // tracking code's page alike.
        registry.addInterceptor(new LanguageSwitch()).addPathPatterns(PATH, PATH + "/**", TrackingCodeLinks.PATH + "/**");
    }

    /** {@code ?lang=} with one of the portal's three languages sets the person's choice; anything else is ignored. */
    static final class LanguageSwitch implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang != null && "GET".equals(request.getMethod())) {
                LANGUAGES.stream().filter(language -> language.getLanguage().equals(lang)).findFirst().ifPresent(language ->
                        RequestContextUtils.getLocaleResolver(request)
                                .setLocale(request, response, language));
            }
            return true;
        }
    }
}
