package kz.hearingstate.notification.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.function.core.FunctionInvocationHelper;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Kafka wiring the binder does not do by itself (the same workarounds as intake, routing and analytics; they
 * belong in appeal-messaging):
 * <ul>
 *   <li>appeal-messaging's dead-letter handling needs the binder's properties in the application context,
 *       but the binder declares them only in its own child context; this binds the same prefix here, under
 *       the binder's own bean name, so inside the binder's context its own definition still wins;</li>
 *   <li>Spring Cloud Function's default invocation helper rewrites the {@code ce_} CloudEvents headers to
 *       {@code ce-} before a function sees them, while {@code EventReader} reads the {@code ce_} names the
 *       producers wrote; this pass-through helper replaces it (the default backs off).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    FunctionInvocationHelper<Message<?>> passThroughFunctionInvocationHelper() {
        return new FunctionInvocationHelper<>() {
        };
    }

    @Bean("configurationProperties")
    @ConditionalOnMissingBean(KafkaBinderConfigurationProperties.class)
    @ConfigurationProperties("spring.cloud.stream.kafka.binder")
    KafkaBinderConfigurationProperties kafkaBinderConfigurationProperties(KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        return new KafkaBinderConfigurationProperties(kafka, connectionDetails);
    }
}
