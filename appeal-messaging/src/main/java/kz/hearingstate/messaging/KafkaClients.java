package kz.hearingstate.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;

/** Kafka clients a service creates beside the binder's, with the binder's brokers and credentials. */
public final class KafkaClients {

    /** An AdminClient's configuration: the binder's {@code configuration} (SASL), its brokers, bounded waits. */
    public static Map<String, Object> adminConfig(KafkaBinderConfigurationProperties binder, Duration timeout) {
        Map<String, Object> config = new HashMap<>(binder.getConfiguration());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, binder.getKafkaConnectionString());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }

    private KafkaClients() {
    }
}
