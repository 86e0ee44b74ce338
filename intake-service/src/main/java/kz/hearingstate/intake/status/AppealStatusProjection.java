package kz.hearingstate.intake.status;

import java.util.function.Consumer;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.messaging.EventMetadata;
import kz.hearingstate.messaging.EventSchemas;
import kz.hearingstate.messaging.PoisonEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code projectAppealStatus}: keeps {@link AppealStatusView} in step with {@code appeals.submitted}
 * and {@code appeals.lifecycle} (consumer group {@code intake}). A record that breaks its schema is
 * poison and goes to the dead-letter topic; everything else is applied idempotently.
 */
@Configuration(proxyBeanMethods = false)
public class AppealStatusProjection {

    private static final Logger log = LoggerFactory.getLogger(AppealStatusProjection.class);

    @Bean
    Consumer<Message<byte[]>> projectAppealStatus(AppealStatusStore store, JsonMapper json) {
        return message -> {
            EventMetadata metadata = EventMetadata.of(message);
            JsonNode body = parse(json, message.getPayload());
            EventSchemas.requireValid(metadata.type(), body);
            if (EventTypes.APPEAL_SUBMITTED.equals(metadata.type())) {
                store.applySubmitted(json.treeToValue(body, AppealSubmitted.class));
            } else {
                AppealLifecycleEvent event = json.treeToValue(body, AppealLifecycleEvent.class);
                if (!store.applyLifecycle(event)) {
                    log.debug("Ignored stale or repeated {} #{} of appeal {}", metadata.type(), event.sequence(), event.appealId());
                }
            }
        };
    }

    private static JsonNode parse(JsonMapper json, byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (JacksonException e) {
            throw new PoisonEventException("Body is not JSON", e);
        }
    }
}
