package kz.hearingstate.analytics.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * appeal-messaging's dead-letter handling needs the Kafka binder's properties in the application context,
 * but the binder declares them only in its own child context. This binds the same prefix here. The bean
 * has the binder's own bean name, so inside the binder's context its own definition still wins.
 */
@Configuration(proxyBeanMethods = false)
class KafkaBinderPropertiesConfig {

    @Bean("configurationProperties")
    @ConditionalOnMissingBean(KafkaBinderConfigurationProperties.class)
    @ConfigurationProperties("spring.cloud.stream.kafka.binder")
    KafkaBinderConfigurationProperties kafkaBinderConfigurationProperties(KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        return new KafkaBinderConfigurationProperties(kafka, connectionDetails);
    }
}
