package kz.hearingstate.routing.workflow;

import java.util.List;
import java.util.function.Consumer;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.DepartmentAction;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventBatches;
import kz.hearingstate.messaging.EventMetadata;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.messaging.PoisonEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The Kafka inputs (Spring Cloud Stream functional bindings, consumer group {@code routing}). Records
 * that break their schema are poison and go to the dead-letter topic (EventReader); a department
 * command that the workflow refuses is logged and counted, not retried, since retrying cannot help.
 */
@Configuration
public class WorkflowBindings {

    private static final Logger log = LoggerFactory.getLogger(WorkflowBindings.class);

    /**
     * appeals.submitted in batch mode (a poll's records at once), since routing a storm of appeals one
     * round trip at a time cannot keep up. Poison records and failures are handled as appeal-messaging's
     * {@link EventBatches} says (routing again is idempotent).
     */
    @Bean
    public Consumer<Message<List<byte[]>>> routeSubmittedAppeal(EventReader reader, WorkflowService workflow) {
        return batch -> EventBatches.handle(reader, batch,
                record -> reader.read(record, EventTypes.APPEAL_SUBMITTED, AppealSubmitted.class).payload(), workflow::routeAll);
    }

    /**
     * Every department's actions topic ({@code departments.<code>.actions}). The acting department is the
     * topic's: only that department's principal may write it (broker ACL). A record whose body names
     * another department is a forgery or a misconfigured system, and goes to the dead-letter topic.
     */
    @Bean
    public Consumer<Message<byte[]>> applyDepartmentAction(EventReader reader, WorkflowService workflow) {
        return message -> {
            String topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
            String department = Topics.departmentOfActions(topic)
                    .orElseThrow(() -> new PoisonEventException("Not a department's actions topic: " + topic));
            DepartmentAction action = reader.read(message, EventTypes.DEPARTMENT_ACTION, DepartmentAction.class).payload();
            if (!department.equals(action.department())) {
                throw new PoisonEventException("Action " + action.actionId() + " on " + topic + " claims department "
                        + action.department());
            }
            try {
                workflow.apply(Command.of(department, action));
            } catch (AppealNotFoundException | ActionNotAllowedException | AppealStateMachine.InvalidTransitionException
                     | InvalidCommandException e) {
                if (e instanceof InvalidCommandException invalid && invalid.malformed()) {
                    // Missing what its action needs (an ANSWER without its answer): a defect of the department's system,
                    // which over Kafka hears no 400; its dead letter is where someone sees it.
                    throw new PoisonEventException("Action " + action.actionId() + " on " + topic + " is malformed: "
                            + e.getMessage());
                }
                // The appeal's state or the time refused it (moved on, answered meanwhile, a deadline passed): the
                // department's inbox tells it where the appeal is now; counted (appeals.actions, outcome refused), logged.
                // The department and its action id, not the appeal (nor the message, which names it): a refused
                // action of the anti-corruption officer would otherwise tie its appeal to anti-corruption.
                log.warn("Refused {} {} from {}: {}", action.action(), action.actionId(), department,
                        e.getClass().getSimpleName());
            }
        };
    }

    @Bean
    public Consumer<Message<byte[]>> applyCitizenFeedback(EventReader reader, WorkflowService workflow) {
        return message -> {
            EventMetadata metadata = reader.metadata(message);
            switch (metadata.type()) {
                case EventTypes.CITIZEN_REPLIED -> workflow.citizenReplied(reader.read(message, CitizenReplied.class).payload());
                case EventTypes.APPEAL_FEEDBACK -> workflow.feedback(reader.read(message, AppealFeedback.class).payload());
                default -> throw new PoisonEventException("Not an event of appeals.feedback: " + metadata.type());
            }
        };
    }
}
