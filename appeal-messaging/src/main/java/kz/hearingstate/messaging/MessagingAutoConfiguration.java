package kz.hearingstate.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.core.FunctionInvocationHelper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires {@link EventPublisher}, {@link EventReader} and {@link DeadLetterErrorHandling} into every service,
 * with two adjustments to Spring Cloud Stream that every service needs:
 * <ul>
 *   <li>the Kafka binder declares its properties only in its own child context; dead-letter handling needs
 *       them here, so the same prefix is bound in the application context, under the binder's own bean name
 *       (inside the binder's context its own definition still wins);</li>
 *   <li>Spring Cloud Function's default invocation helper rewrites the {@code ce_} CloudEvents headers to
 *       {@code ce-} before a function sees them, while {@link EventReader} reads the {@code ce_} names of the
 *       Kafka protocol binding that producers write; a pass-through helper replaces it (the default backs off).</li>
 * </ul>
 */
@AutoConfiguration(before = ContextFunctionCatalogAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /**
     * The services' time, to the millisecond: as precise as MongoDB keeps an instant. An event built from an entity in
     * memory and the same event built again from its stored copy (an outbox re-sent after a failure) then say the same
     * times under the same id; with the system clock's microseconds they did not.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean("configurationProperties")
    @ConditionalOnMissingBean(KafkaBinderConfigurationProperties.class)
    @ConfigurationProperties("spring.cloud.stream.kafka.binder")
    KafkaBinderConfigurationProperties kafkaBinderConfigurationProperties(KafkaProperties kafka,
            ObjectProvider<KafkaConnectionDetails> connectionDetails) {
        return new KafkaBinderConfigurationProperties(kafka, connectionDetails);
    }

    @Bean
    @ConditionalOnMissingBean(FunctionInvocationHelper.class)
    FunctionInvocationHelper<Message<?>> cloudEventHeadersAsSent() {
        return new FunctionInvocationHelper<>() {
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(StreamBridge streamBridge, MessagingProperties properties, Clock clock) {
        return new EventPublisher(streamBridge, properties.source(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EventReader eventReader(ObjectProvider<JsonMapper> mapper) {
        return new EventReader(mapper.getIfAvailable(JsonMapper::new));
    }

    @Bean
    @ConditionalOnMissingBean(DeadLetterErrorHandling.class)
    DeadLetterErrorHandling deadLetterErrorHandling(KafkaBinderConfigurationProperties binder, MessagingProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        return new DeadLetterErrorHandling(deadLetterTemplate(binder), properties.retry(),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
                new DeadLetterTopics(KafkaClients.adminConfig(binder, DeadLetterTopics.TIMEOUT),
                        binder.getMinPartitionCount(), binder.getReplicationFactor()));
    }

    /** Dead letters keep the source record's bytes and headers: a byte-array producer, acks=all, idempotent. */
    static KafkaTemplate<Object, Object> deadLetterTemplate(KafkaBinderConfigurationProperties binder) {
        Map<String, Object> config = new HashMap<>(binder.mergedProducerConfiguration());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, binder.getKafkaConnectionString());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
