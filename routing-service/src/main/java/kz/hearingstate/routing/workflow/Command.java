package kz.hearingstate.routing.workflow;

import java.time.Instant;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.DepartmentAction;
import kz.hearingstate.web.security.ApiPrincipal;

/**
 * A department action as the workflow sees it, whether it came over HTTP, on {@code departments.<code>.actions}
 * or from the workbench. {@code expectedSequence}, when given, is the appeal's event sequence the actor saw:
 * if the appeal changed since, the action is refused ({@link StaleAppealException}) instead of applied to a
 * state nobody looked at. {@code person} names the staff member who acted for the principal in the workbench
 * (null for a department system), so the history says who did it.
 */
public record Command(
        String actionId,
        String appealId,
        ActionType action,
        ApiPrincipal caller,
        String reason,
        String answer,
        String targetDepartment,
        String outsideBody,
        Instant newDeadline,
        Long expectedSequence,
        String person) {

    /** A department system's action (Kafka, HTTP): no version check, no person. */
    public Command(String actionId, String appealId, ActionType action, ApiPrincipal caller, String reason, String answer,
            String targetDepartment, String outsideBody, Instant newDeadline) {
        this(actionId, appealId, action, caller, reason, answer, targetDepartment, outsideBody, newDeadline, null, null);
    }

    /** The actor named on lifecycle events: the principal's ({@code education}, {@code admin}), then {@code /person}. */
    public String actor() {
        return person == null ? caller.actor() : caller.actor() + "/" + person;
    }

    /**
     * The id under which the appeal remembers this action: the actionId within the caller's own. A retry of an action
     * is recognised only from the principal that applied it, so another principal cannot replay an id (an appeal's own
     * id is one) to skip the authorisation and read the appeal in the answer.
     */
    public String inputId() {
        return caller.kind() + ":" + caller.name() + ":" + actionId;
    }

    /**
     * From Kafka: the acting department is the one whose actions topic carried the record (a broker ACL
     * lets only that department's principal write it), never the record's own field.
     */
    public static Command of(String department, DepartmentAction action) {
        return new Command(action.actionId(), action.appealId(), action.action(), ApiPrincipal.department(department),
                action.reason(), action.answer(), action.targetDepartment(), action.outsideBody(), action.newDeadline());
    }
}
