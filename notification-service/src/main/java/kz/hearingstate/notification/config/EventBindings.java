package kz.hearingstate.notification.config;

import java.util.List;
import java.util.function.Consumer;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventBatches;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.notification.directory.DepartmentContact;
import kz.hearingstate.notification.directory.DepartmentDirectory;
import kz.hearingstate.notification.planning.NotificationDecisions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Kafka inputs (Spring Cloud Stream functional bindings, consumer group {@code notification}).
 * A record that is not a valid event of the expected type is a poison record: the shared dead-letter
 * handling sends it to {@code <topic>.notification.dlq} and the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

    /**
     * {@code appeals.submitted}, a poll's records at once (batch mode): keep the citizens' contacts, tell them
     * their appeals are registered. Poison records and failures are handled as appeal-messaging's
     * {@link EventBatches} says; every step is idempotent, so a redelivered batch tells nobody twice.
     */
    @Bean
    Consumer<Message<List<byte[]>>> notifyOnSubmission(EventReader reader, NotificationDecisions decisions) {
        return batch -> EventBatches.handle(reader, batch,
                record -> reader.read(record, EventTypes.APPEAL_SUBMITTED, AppealSubmitted.class),
                decisions::onSubmissions);
    }

    /**
     * {@code appeals.lifecycle}, a poll's records at once: tell the citizen, the department or the akim's office
     * of each change, each appeal's in the order of its events.
     */
    @Bean
    Consumer<Message<List<byte[]>>> notifyOnLifecycleChange(EventReader reader, NotificationDecisions decisions) {
        return batch -> EventBatches.handle(reader, batch,
                record -> reader.read(record, LifecycleType.EVENT_TYPES, AppealLifecycleEvent.class), decisions::onLifecycleChanges);
    }

    /**
     * {@code departments.directory}: the departments' current e-mail, phone and confidentiality. The
     * settlement list travels on the same topic; notifications name no settlement, so it is passed over.
     */
    @Bean
    Consumer<Message<byte[]>> trackDepartmentDirectory(EventReader reader, DepartmentDirectory directory) {
        return message -> {
            if (EventTypes.SETTLEMENTS_CHANGED.equals(reader.metadata(message).type())) {
                return;
            }
            directory.apply(DepartmentContact.of(
                    reader.read(message, EventTypes.DEPARTMENT_CHANGED, DepartmentChanged.class).payload()));
        };
    }
}
