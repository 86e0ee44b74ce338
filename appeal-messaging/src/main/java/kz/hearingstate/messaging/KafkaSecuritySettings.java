package kz.hearingstate.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * How every service authenticates to Kafka, from four settings instead of a JAAS line in four
 * application.yml files:
 * <ul>
 *   <li>{@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD}: the service's own principal;</li>
 *   <li>{@code KAFKA_SECURITY_PROTOCOL}: {@code SASL_PLAINTEXT} (default when a user is set; loopback or a
 *       closed container network) or {@code SASL_SSL} (anything a stranger can reach);</li>
 *   <li>{@code KAFKA_SASL_MECHANISM}: default {@code SCRAM-SHA-512};</li>
 *   <li>{@code KAFKA_SSL_TRUSTSTORE_LOCATION}, {@code KAFKA_SSL_TRUSTSTORE_PASSWORD}: for SASL_SSL with a
 *       private CA.</li>
 * </ul>
 * They become the binder's {@code configuration} (every producer, consumer and admin client of the binder,
 * the dead-letter producer and admin client) and Spring Kafka's own client properties. Without a user
 * nothing is added and clients speak PLAINTEXT, as the services' tests against an embedded broker need.
 * The properties are the lowest-precedence source, so an explicit setting still wins.
 */
public class KafkaSecuritySettings implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "hearingKafkaSecurity";
    private static final String BINDER = "spring.cloud.stream.kafka.binder.configuration.";
    private static final String SPRING_KAFKA = "spring.kafka.properties.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> clientProperties = clientProperties(
                environment.getProperty("KAFKA_SASL_USERNAME", ""),
                environment.getProperty("KAFKA_SASL_PASSWORD", ""),
                environment.getProperty("KAFKA_SECURITY_PROTOCOL", ""),
                environment.getProperty("KAFKA_SASL_MECHANISM", ""),
                environment.getProperty("KAFKA_SSL_TRUSTSTORE_LOCATION", ""),
                environment.getProperty("KAFKA_SSL_TRUSTSTORE_PASSWORD", ""));
        if (clientProperties.isEmpty()) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        clientProperties.forEach((key, value) -> {
            properties.put(BINDER + key, value);
            properties.put(SPRING_KAFKA + key, value);
        });
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
    }

    /** The Kafka client properties for these settings; empty when no user is set (PLAINTEXT). */
    static Map<String, Object> clientProperties(String username, String password, String protocol, String mechanism,
            String truststore, String truststorePassword) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (username.isBlank()) {
            if (!protocol.isBlank()) {
                properties.put("security.protocol", protocol.strip());
            }
            return properties;
        }
        properties.put("security.protocol", protocol.isBlank() ? "SASL_PLAINTEXT" : protocol.strip());
        properties.put("sasl.mechanism", mechanism.isBlank() ? "SCRAM-SHA-512" : mechanism.strip());
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + jaasQuoted(username.strip()) + "\" password=\"" + jaasQuoted(password) + "\";");
        if (!truststore.isBlank()) {
            properties.put("ssl.truststore.location", truststore.strip());
            properties.put("ssl.truststore.password", truststorePassword);
        }
        return properties;
    }

    /** A JAAS string value: backslashes and double quotes escaped. */
    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
