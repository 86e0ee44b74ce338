package kz.hearingstate.intake.status;

import java.util.function.Consumer;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.messaging.EventReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code projectAppealStatus}: keeps {@link AppealStatusView} in step with {@code appeals.submitted}
 * and {@code appeals.lifecycle} (consumer group {@code intake}). A record that breaks its schema is
 * poison and goes to the dead-letter topic; everything else is applied idempotently.
 */
@Configuration(proxyBeanMethods = false)
public class AppealStatusProjection {

    private static final Logger log = LoggerFactory.getLogger(AppealStatusProjection.class);

    @Bean
    Consumer<Message<byte[]>> projectAppealStatus(AppealStatusStore store, EventReader reader) {
        return message -> {
            if (EventTypes.APPEAL_SUBMITTED.equals(reader.metadata(message).type())) {
                store.applySubmitted(reader.read(message, AppealSubmitted.class).payload());
                return;
            }
            AppealLifecycleEvent event = reader.read(message, AppealLifecycleEvent.class).payload();
            if (!store.applyLifecycle(event)) {
                log.debug("Ignored stale or repeated {} #{} of appeal {}", event.type(), event.sequence(), event.appealId());
            }
        };
    }
}
