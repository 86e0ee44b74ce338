package kz.hearingstate.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearing.messaging.*}: how a service publishes and retries.
 *
 * @param source the CloudEvents {@code source} of what this service publishes, e.g. {@code /intake-service}
 * @param retry  listener-container retries before a record is dead-lettered
 */
@ConfigurationProperties("hearing.messaging")
public record MessagingProperties(
        @DefaultValue("/${spring.application.name:unknown}") String source,
        @DefaultValue Retry retry) {

    /**
     * @param maxAttempts           deliveries of one record, the first included, before it is dead-lettered (a
     *                              failure to reach the store is retried until it passes)
     * @param initialInterval       the first back-off
     * @param multiplier            back-off growth
     * @param maxInterval           the longest back-off
     * @param deadLetterSendTimeout how long to wait for the dead-letter topic to acknowledge
     */
    public record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("2s") Duration maxInterval,
            @DefaultValue("10s") Duration deadLetterSendTimeout) {
    }
}
