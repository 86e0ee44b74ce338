package kz.hearingstate.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import kz.hearingstate.events.CloudEventHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/** The CloudEvents attributes of a consumed message. Missing {@code ce_id} or {@code ce_type} is a poison record. */
public record EventMetadata(String id, String type, String source, Instant time, String subject) {

    public static EventMetadata of(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("Missing CloudEvents ce_id or ce_type header");
        }
        String time = header(headers, CloudEventHeaders.TIME);
        Instant parsedTime;
        try {
            parsedTime = time == null ? null : Instant.parse(time);
        } catch (RuntimeException e) {
            throw new PoisonEventException("Unparseable ce_time: " + time);
        }
        return new EventMetadata(id, type, header(headers, CloudEventHeaders.SOURCE), parsedTime,
                header(headers, CloudEventHeaders.SUBJECT));
    }

    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
