package kz.hearingstate.analytics.config;

import org.springframework.cloud.function.core.FunctionInvocationHelper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Spring Cloud Function's default helper rewrites CloudEvents headers from the Kafka binding's {@code ce_}
 * prefix to {@code ce-} before a function sees them, and {@code EventReader} (appeal-messaging) reads the
 * {@code ce_} names the producers wrote. This pass-through helper replaces it (the default backs off), so
 * records reach the functions with their headers as sent.
 */
@Configuration(proxyBeanMethods = false)
class CloudEventHeadersAsSent {

    @Bean
    FunctionInvocationHelper<Message<?>> passThroughFunctionInvocationHelper() {
        return new FunctionInvocationHelper<>() {
        };
    }
}
