package kz.hearingstate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class KafkaSecuritySettingsTest {

    @Test
    void givenNoKafkaUser_thenNothingIsAddedAndClientsStayPlaintext() {
        MockEnvironment environment = new MockEnvironment();
        new KafkaSecuritySettings().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getPropertySources().contains(KafkaSecuritySettings.SOURCE_NAME)).isFalse();
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config")).isNull();
    }

    @Test
    void givenAUserAndPassword_thenTheBinderAndSpringKafkaSignInWithScramOverSaslPlaintext() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("KAFKA_SASL_USERNAME", "routing")
                .withProperty("KAFKA_SASL_PASSWORD", "se\"cr\\et");
        new KafkaSecuritySettings().postProcessEnvironment(environment, new SpringApplication());

        for (String prefix : new String[] {"spring.cloud.stream.kafka.binder.configuration.", "spring.kafka.properties."}) {
            assertThat(environment.getProperty(prefix + "security.protocol")).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.getProperty(prefix + "sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
            assertThat(environment.getProperty(prefix + "sasl.jaas.config")).isEqualTo(
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"routing\" password=\"se\\\"cr\\\\et\";");
        }
    }

    @Test
    void givenSaslSslWithAPrivateCa_thenTheTruststoreIsPassedOn_andAnExplicitSettingStillWins() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("KAFKA_SASL_USERNAME", "intake")
                .withProperty("KAFKA_SASL_PASSWORD", "pw")
                .withProperty("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .withProperty("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12")
                .withProperty("KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism", "SCRAM-SHA-256");
        new KafkaSecuritySettings().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.kafka.properties.ssl.truststore.location")).isEqualTo("/etc/kafka/ca.p12");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism")).isEqualTo("SCRAM-SHA-256");
        assertThat(KafkaSecuritySettings.clientProperties("", "", "", "", "", "")).isEqualTo(Map.of());
    }
}
