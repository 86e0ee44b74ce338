package kz.hearingstate.routing.workbench;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.web.problem.PeoplesPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The workbench's language: kk, ru or en, chosen with {@code ?lang=} (kept in a cookie for the workbench's
 * pages), otherwise the browser's Accept-Language, otherwise English. API answers never carry the cookie, so
 * they keep following Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
public class WorkbenchWeb implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"), Locale.ENGLISH);
    static final String COOKIE = "workbench-lang";

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new ChosenLanguage();
    }

    /**
     * An address under the workbench that nothing serves: the workbench's "not found" page, the same a missing appeal
     * gets (an address tells nothing). Only a signed-in user gets this far; anyone else is sent to the login first.
     */
    @Bean
    PeoplesPages workbenchPages() {
        return new PeoplesPages() {
            @Override
            public boolean owns(HttpServletRequest request) {
                return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/workbench/");
            }

            @Override
            public ModelAndView notFound(HttpServletRequest request) {
                ModelAndView page = new ModelAndView("workbench/not-found");
                page.addObject("me", WorkbenchPage.signedIn());
                return page;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).addPathPatterns("/workbench/**");
    }

    /** Cookie first (only kk, ru, en), then Accept-Language among them, then English. */
    static final class ChosenLanguage implements LocaleResolver {

        private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

        ChosenLanguage() {
            browser.setSupportedLocales(LANGUAGES);
            browser.setDefaultLocale(Locale.ENGLISH);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (request.getAttribute(COOKIE) instanceof Locale justChosen) {
                return justChosen;
            }
            if (request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    if (COOKIE.equals(cookie.getName())) {
                        Locale chosen = supported(cookie.getValue());
                        if (chosen != null) {
                            return chosen;
                        }
                    }
                }
            }
            return browser.resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            Locale chosen = locale == null ? null : supported(locale.getLanguage());
            if (chosen == null || response == null) {
                return;
            }
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/workbench");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
            request.setAttribute(COOKIE, chosen);
        }

        private static Locale supported(String language) {
            return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
        }
    }
}
