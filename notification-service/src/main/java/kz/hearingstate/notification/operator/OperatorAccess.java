package kz.hearingstate.notification.operator;

import kz.hearingstate.web.security.ApiAccessRules;
import kz.hearingstate.web.security.PrincipalKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notification's whole HTTP API (the notification log and the local dev mailbox) is the operators':
 * appeal-web's API chain lets only an operator key through.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorAccess {

    @Bean
    ApiAccessRules operatorAccessRules() {
        return rules -> rules.requestMatchers("/api/**").hasRole(PrincipalKind.OPERATOR.role());
    }
}
