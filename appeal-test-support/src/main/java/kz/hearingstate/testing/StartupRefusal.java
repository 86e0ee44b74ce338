package kz.hearingstate.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts a service as production would (no {@code local} profile, no keys) and returns what stopped it, for a
 * test per service that it refuses to start without real keys. Kafka and MongoDB point at a closed port: the
 * refusal must come before anything is reached.
 */
public final class StartupRefusal {

    private StartupRefusal() {
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> of(Class<?> application, String... properties) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application).properties(
                "server.port=0",
                "spring.kafka.bootstrap-servers=127.0.0.1:9",
                "spring.cloud.stream.kafka.binder.brokers=127.0.0.1:9",
                "spring.mongodb.uri=mongodb://127.0.0.1:9").properties(properties);
        return assertThatThrownBy(() -> builder.run().close()).rootCause();
    }
}
