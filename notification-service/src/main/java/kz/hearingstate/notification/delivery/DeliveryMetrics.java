package kz.hearingstate.notification.delivery;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code notifications.sent} and {@code notifications.failed} by channel and template, and
 * {@code notification.delivery.latency} from the event's time to delivery, by channel.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(Notification notification, Duration latency) {
        counter("notifications.sent", "Notifications the channel accepted", notification).increment();
        Timer.builder("notification.delivery.latency")
                .description("From the event's time to the channel accepting the notification")
                .tag("channel", notification.channel().name())
                .publishPercentileHistogram()
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    void failed(Notification notification) {
        counter("notifications.failed", "Notifications given up after the last attempt", notification).increment();
    }

    private Counter counter(String name, String description, Notification notification) {
        return Counter.builder(name).description(description)
                .tag("channel", notification.channel().name())
                .tag("template", notification.template())
                .register(registry);
    }
}
