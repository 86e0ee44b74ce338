package kz.hearingstate.intake.config;

import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.function.core.FunctionInvocationHelper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.messaging.Message;

/**
 * Kafka wiring the binder does not do for intake:
 * <ul>
 *   <li>appeal-messaging's dead-letter handling needs the binder's properties in the application context,
 *       but the binder declares them only in its own child context; this binds the same prefix here
 *       (under the binder's bean name, so inside the binder's context its own definition wins);</li>
 *   <li>Spring Cloud Function's default invocation helper rewrites the {@code ce_} CloudEvents headers to
 *       {@code ce-} before a function sees them, while {@code EventReader} reads the {@code ce_} names the
 *       producers wrote; this pass-through helper replaces it (the default backs off);</li>
 *   <li>the dead-letter topics of intake's consumer group, which the binder does not provision when
 *       dead-lettering happens in the container; brokers do not auto-create topics.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean("configurationProperties")
    @ConditionalOnMissingBean(KafkaBinderConfigurationProperties.class)
    @ConfigurationProperties("spring.cloud.stream.kafka.binder")
    KafkaBinderConfigurationProperties kafkaBinderConfigurationProperties(KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        return new KafkaBinderConfigurationProperties(kafka, connectionDetails);
    }

    @Bean
    FunctionInvocationHelper<Message<?>> passThroughFunctionInvocationHelper() {
        return new FunctionInvocationHelper<>() {
        };
    }

    @Bean
    NewTopic submittedDeadLetters(@Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.deadLetter(Topics.APPEALS_SUBMITTED, "intake")).partitions(1).replicas(replicas).build();
    }

    @Bean
    NewTopic lifecycleDeadLetters(@Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.deadLetter(Topics.APPEALS_LIFECYCLE, "intake")).partitions(1).replicas(replicas).build();
    }
}
