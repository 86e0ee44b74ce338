package kz.hearingstate.routing.workflow;

import java.time.Instant;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.DepartmentAction;
import kz.hearingstate.web.security.ApiPrincipal;

/** A department action as the workflow sees it, whether it came over HTTP or on {@code departments.<code>.actions}. */
public record Command(
        String actionId,
        String appealId,
        ActionType action,
        ApiPrincipal caller,
        String reason,
        String answer,
        String targetDepartment,
        String outsideBody,
        Instant newDeadline) {

    /**
     * From Kafka: the acting department is the one whose actions topic carried the record (a broker ACL
     * lets only that department's principal write it), never the record's own field.
     */
    public static Command of(String department, DepartmentAction action) {
        return new Command(action.actionId(), action.appealId(), action.action(), ApiPrincipal.department(department),
                action.reason(), action.answer(), action.targetDepartment(), action.outsideBody(), action.newDeadline());
    }
}
