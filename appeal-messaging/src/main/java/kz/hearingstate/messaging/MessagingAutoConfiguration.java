package kz.hearingstate.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires {@link EventPublisher}, {@link EventReader} and {@link DeadLetterErrorHandling} into every service. */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
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
