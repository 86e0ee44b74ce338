package kz.hearingstate.analytics.web;

import kz.hearingstate.web.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Analytics answers the public: its figures, hotspots and directory need no key. They pass through appeal-web's
 * API chain all the same, for its headers (no-store, CSP, nosniff) and its problems.
 */
@Configuration(proxyBeanMethods = false)
public class PublicAccess {

    @Bean
    ApiAccessRules publicFigures() {
        return rules -> rules.requestMatchers("/api/**").permitAll();
    }
}
