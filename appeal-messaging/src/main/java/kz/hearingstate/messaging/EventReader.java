package kz.hearingstate.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a consumed Kafka message into a typed event. The body must be JSON valid against the schema
 * of its {@code ce_type}; anything else is a {@link PoisonEventException}, which the dead-letter error
 * handling sends to the dead-letter topic at once instead of retrying.
 */
public class EventReader {

    private final JsonMapper mapper;

    public EventReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public <T> ReceivedEvent<T> read(Message<byte[]> message, Class<T> payloadType) {
        EventMetadata metadata = EventMetadata.of(message);
        JsonNode body = tree(message);
        EventSchemas.requireValid(metadata.type(), body);
        try {
            return new ReceivedEvent<>(metadata, mapper.treeToValue(body, payloadType));
        } catch (JacksonException e) {
            throw new PoisonEventException(metadata.type() + " does not map to " + payloadType.getSimpleName(), e);
        }
    }

    /**
     * Reads an event of a topic that carries this one type. Each topic carries its own types, and consumers learn a new
     * version before producers send it (docs/deployment.md, "Event versions side by side"), so another type is a
     * version this consumer does not know or a producer's defect: poison, for the dead letters, where someone sees it,
     * never read as this type nor passed over in silence.
     */
    public <T> ReceivedEvent<T> read(Message<byte[]> message, String expectedType, Class<T> payloadType) {
        return read(message, Set.of(expectedType), payloadType);
    }

    /** As {@link #read(Message, String, Class)}, for a topic whose types share one payload (the lifecycle's). */
    public <T> ReceivedEvent<T> read(Message<byte[]> message, Set<String> expectedTypes, Class<T> payloadType) {
        String type = EventMetadata.of(message).type();
        if (!expectedTypes.contains(type)) {
            throw new PoisonEventException("Expected " + String.join(" or ", new TreeSet<>(expectedTypes)) + ", got " + type);
        }
        return read(message, payloadType);
    }

    /**
     * The records of a batch-mode delivery ({@code consumer.batch-mode: true}), in order, each as a message
     * with its own headers, as a record-mode consumer would have received it.
     */
    public List<Message<byte[]>> records(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<?> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        if (headers == null || headers.size() != payloads.size()) {
            throw new IllegalStateException("A batch-mode delivery without one header map per record");
        }
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> recordHeaders = (Map<String, Object>) headers.get(i);
            records.add(MessageBuilder.withPayload(payloads.get(i)).copyHeaders(recordHeaders).build());
        }
        return records;
    }

    /** The metadata alone, for topics that carry several event types: switch on {@code type()} then {@link #read}. */
    public EventMetadata metadata(Message<byte[]> message) {
        return EventMetadata.of(message);
    }

    private JsonNode tree(Message<byte[]> message) {
        Object payload = message.getPayload();
        try {
            if (payload instanceof byte[] bytes) {
                return mapper.readTree(bytes);
            }
            if (payload instanceof String text) {
                return mapper.readTree(text);
            }
        } catch (JacksonException e) {
            throw new PoisonEventException("Body is not JSON", e);
        }
        throw new PoisonEventException("Unexpected payload type " + payload.getClass().getName());
    }
}
