package kz.hearingstate.intake.web;

import java.util.List;
import java.util.Locale;

import kz.hearingstate.intake.channel.ChannelAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Channel keys guard the JSON API's POSTs; messages follow Accept-Language among kk, ru and en. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    public static final Locale KAZAKH = Locale.forLanguageTag("kk");
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ChannelAuthentication channelAuthentication;

    public WebConfig(ChannelAuthentication channelAuthentication) {
        this.channelAuthentication = channelAuthentication;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(channelAuthentication).addPathPatterns("/api/**");
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, RUSSIAN, KAZAKH));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
