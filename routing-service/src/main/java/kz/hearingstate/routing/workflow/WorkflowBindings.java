package kz.hearingstate.routing.workflow;

import java.util.function.Consumer;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.DepartmentAction;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.messaging.EventMetadata;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.routing.access.ApiKeys.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Kafka inputs (Spring Cloud Stream functional bindings, consumer group {@code routing}). Records
 * that break their schema are poison and go to the dead-letter topic (EventReader); a department
 * command that the workflow refuses is logged and counted, not retried, since retrying cannot help.
 */
@Configuration
public class WorkflowBindings {

    private static final Logger log = LoggerFactory.getLogger(WorkflowBindings.class);

    @Bean
    public Consumer<Message<byte[]>> routeSubmittedAppeal(EventReader reader, WorkflowService workflow) {
        return message -> {
            EventMetadata metadata = reader.metadata(message);
            if (!EventTypes.APPEAL_SUBMITTED.equals(metadata.type())) {
                log.debug("Ignoring {} on appeals.submitted", metadata.type());
                return;
            }
            workflow.route(reader.read(message, AppealSubmitted.class).payload());
        };
    }

    @Bean
    public Consumer<Message<byte[]>> applyDepartmentAction(EventReader reader, WorkflowService workflow) {
        return message -> {
            EventMetadata metadata = reader.metadata(message);
            if (!EventTypes.DEPARTMENT_ACTION.equals(metadata.type())) {
                log.debug("Ignoring {} on departments.actions", metadata.type());
                return;
            }
            DepartmentAction action = reader.read(message, DepartmentAction.class).payload();
            try {
                workflow.apply(Command.of(action));
            } catch (AppealNotFoundException | ForbiddenException | AppealStateMachine.InvalidTransitionException
                     | InvalidCommandException e) {
                log.warn("Refused {} {} from {} on appeal {}: {}", action.action(), action.actionId(), action.department(),
                        action.appealId(), e.getMessage());
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
                default -> log.debug("Ignoring {} on appeals.feedback", metadata.type());
            }
        };
    }
}
