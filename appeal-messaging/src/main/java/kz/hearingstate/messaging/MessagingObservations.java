package kz.hearingstate.messaging;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Cloud Stream observes every event published through {@code StreamBridge} twice, as a function call and
 * as a message-channel send, and every consumed batch as a function call, each with its own timers. No service
 * exports traces and no dashboard reads these timers, while under load they cost about 3 % of intake's CPU (JFR at
 * 100 appeals/s, 5 Dec 2026). So they are off in every service, from the lowest-precedence source: a service or a
 * deployment turns them on with {@code management.observations.enable.spring.cloud.function: true} (and
 * {@code spring.integration}). Consumed records stay counted by the Kafka client's own metrics
 * ({@code kafka_consumer_fetch_manager_records_consumed_total}).
 */
public class MessagingObservations implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "hearingMessagingObservations";
    static final Map<String, Object> DEFAULTS = Map.of(
            "management.observations.enable.spring.cloud.function", "false",
            "management.observations.enable.spring.integration", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
