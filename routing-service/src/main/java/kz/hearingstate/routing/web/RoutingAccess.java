package kz.hearingstate.routing.web;

import kz.hearingstate.web.security.ApiAccessRules;
import kz.hearingstate.web.security.PrincipalKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what; appeal-web's API chain authenticates the key before any of it (and before a body is read).
 * The directory is public; its edits and the routing rules are the admin's; everything else under
 * {@code /api/v1} needs a department's or the admin's key, and the controllers answer another department's
 * appeal or queue as not found.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingAccess {

    @Bean
    ApiAccessRules routingAccessRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/departments", "/api/v1/departments/*").permitAll()
                .requestMatchers("/api/v1/admin/**").hasRole(PrincipalKind.ADMIN.role())
                .requestMatchers("/api/v1/**").hasAnyRole(PrincipalKind.DEPARTMENT.role(), PrincipalKind.ADMIN.role());
    }
}
