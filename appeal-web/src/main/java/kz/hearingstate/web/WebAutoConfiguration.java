package kz.hearingstate.web;

import java.util.List;
import java.util.Locale;

import kz.hearingstate.web.problem.ProblemErrorController;
import kz.hearingstate.web.problem.ProblemErrorReportValve;
import kz.hearingstate.web.problem.PeoplesPages;
import kz.hearingstate.web.problem.ProblemHandler;
import kz.hearingstate.web.problem.ProblemObserver;
import kz.hearingstate.web.problem.ProblemResponses;
import kz.hearingstate.web.security.ApiSecurityConfiguration;
import kz.hearingstate.web.security.ApiSecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The HTTP edge every service shares: problems ({@link ProblemResponses}, {@link ProblemHandler}, the
 * container's error page as {@link ProblemErrorController}), Accept-Language among kk, ru and en, strict JSON,
 * the {@link RequestBodyGuard}, and the API-key security of {@link ApiSecurityConfiguration}.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({WebProperties.class, ApiSecurityProperties.class})
@Import(ApiSecurityConfiguration.class)
public class WebAutoConfiguration {

    public static final Locale KAZAKH = Locale.forLanguageTag("kk");
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** Problems and pages follow Accept-Language among en, ru and kk; anything else is answered in English. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, RUSSIAN, KAZAKH));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(MessageSource messageSource, LocaleResolver localeResolver, JsonMapper json,
            ObjectProvider<ProblemObserver> observers) {
        return new ProblemResponses(messageSource, localeResolver, json, observers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemHandler problemHandler(ProblemResponses responses, ObjectProvider<PeoplesPages> pages) {
        return new ProblemHandler(responses, pages.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ProblemResponses responses) {
        return new ProblemErrorController(responses);
    }

    /** Errors Tomcat answers before any servlet runs: problem+json instead of its HTML page. */
    @Bean
    @ConditionalOnClass(Tomcat.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve(ProblemResponses problems,
            JsonMapper json, ApiSecurityProperties security) {
        return factory -> factory.addContextCustomizers(context ->
                new ProblemErrorReportValve(problems, json, security.contentSecurityPolicy()).install(context));
    }

    /** After the security filters (order -100): a request without a valid key is refused before its body is read. */
    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(WebProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<RequestBodyGuard> registration =
                new FilterRegistrationBean<>(new RequestBodyGuard(properties.maxBodySize().toBytes(), problems));
        registration.setOrder(0);
        return registration;
    }

    /**
     * Strict JSON in: a duplicate key, an unknown field, a number where text belongs (or the reverse), an enum
     * given by its index, or trailing garbage is a 400 naming the field, not a silent guess at what was meant.
     * Events read from Kafka are held to their schemas (which forbid unknown fields) anyway.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
