package kz.hearingstate.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import kz.hearingstate.events.CloudEventHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The one way a service puts an event on Kafka: a JSON body with CloudEvents 1.0 attributes in the
 * headers (binary mode), keyed by the given key (the appealId for appeal topics).
 *
 * <p>With the binder's producer {@code sync: true} (set by every service), {@link #publish} returns only
 * after the broker acknowledged the record, and throws {@link EventNotAcknowledgedException} otherwise.
 * Callers pass a deterministic {@code eventId} where a retry could publish the same fact twice, so that
 * consumers can recognise the duplicate.
 */
public class EventPublisher {

    private final StreamBridge streamBridge;
    private final String source;
    private final Clock clock;

    public EventPublisher(StreamBridge streamBridge, String source, Clock clock) {
        this.streamBridge = streamBridge;
        this.source = source;
        this.clock = clock;
    }

    public void publish(String topic, String key, String eventId, String eventType, Object payload) {
        publish(topic, key, eventId, eventType, key, payload);
    }

    public void publish(String topic, String key, String eventId, String eventType, String subject, Object payload) {
        Message<Object> message = MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.KEY, key)
                .setHeader(CloudEventHeaders.ID, eventId)
                .setHeader(CloudEventHeaders.TYPE, eventType)
                .setHeader(CloudEventHeaders.SOURCE, source)
                .setHeader(CloudEventHeaders.TIME, Instant.now(clock).toString())
                .setHeader(CloudEventHeaders.SUBJECT, subject)
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_JSON)
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(topic, message);
        } catch (RuntimeException e) {
            throw new EventNotAcknowledgedException(topic, eventType, e);
        }
        if (!sent) {
            throw new EventNotAcknowledgedException(topic, eventType, null);
        }
    }

    /**
     * Publishes many events and returns once the broker acknowledged every one. Events with the same key
     * go out one after another, in the given order; different keys go out at the same time, so that a
     * batch waits for one round of acknowledgements instead of one per event.
     *
     * @throws EventNotAcknowledgedException when any event was not acknowledged. Others may have been:
     *         publish them again under the same ids, which consumers recognise.
     */
    public void publishAll(List<OutgoingEvent> events) {
        if (events.size() == 1) {
            publish(events.getFirst());
            return;
        }
        var byKey = events.stream().collect(Collectors.groupingBy(OutgoingEvent::key, LinkedHashMap::new, Collectors.toList()));
        // Each send blocks until acknowledged (the binder's sync mode); virtual threads make the waits cheap.
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sends = byKey.values().stream()
                    .<Future<?>>map(sameKey -> senders.submit(() -> sameKey.forEach(this::publish)))
                    .toList();
            EventNotAcknowledgedException failure = null;
            for (Future<?> send : sends) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof EventNotAcknowledgedException notAcknowledged ? notAcknowledged
                            : new EventNotAcknowledgedException("batch", "events", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EventNotAcknowledgedException("batch", "events", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void publish(OutgoingEvent event) {
        publish(event.topic(), event.key(), event.eventId(), event.eventType(), event.subject(), event.payload());
    }

    /** One event for {@link #publishAll}: the arguments of {@link #publish(String, String, String, String, String, Object)}. */
    public record OutgoingEvent(String topic, String key, String eventId, String eventType, String subject, Object payload) {
    }

    /** The broker did not acknowledge the record in time, or refused it. Nothing may be acknowledged upstream. */
    public static class EventNotAcknowledgedException extends RuntimeException {
        public EventNotAcknowledgedException(String topic, String eventType, Throwable cause) {
            super("Kafka did not acknowledge " + eventType + " on " + topic, cause);
        }
    }
}
