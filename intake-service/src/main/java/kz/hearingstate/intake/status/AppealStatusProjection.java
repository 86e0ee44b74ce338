package kz.hearingstate.intake.status;

import java.util.List;
import java.util.function.Consumer;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventBatches;
import kz.hearingstate.messaging.EventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code projectAppealStatus}: keeps {@link AppealStatusView} in step with {@code appeals.submitted}
 * and {@code appeals.lifecycle} (consumer group {@code intake}), a poll's records at once (batch mode) in one
 * write ({@link AppealStatusStore#applyAll}). A record that breaks its schema is poison and goes alone to the
 * dead-letter topic, as appeal-messaging's {@link EventBatches} says; everything else is applied idempotently.
 */
@Configuration(proxyBeanMethods = false)
public class AppealStatusProjection {

    @Bean
    Consumer<Message<List<byte[]>>> projectAppealStatus(AppealStatusStore store, EventReader reader) {
        return batch -> EventBatches.handle(reader, batch, record -> {
            String type = reader.metadata(record).type();
            if (EventTypes.APPEAL_SUBMITTED.equals(type)) {
                return reader.read(record, AppealSubmitted.class).payload();
            }
            return reader.read(record, LifecycleType.EVENT_TYPES, AppealLifecycleEvent.class).payload();
        }, store::applyAll);
    }
}
