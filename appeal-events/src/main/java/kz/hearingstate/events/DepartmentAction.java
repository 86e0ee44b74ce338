package kz.hearingstate.events;

import java.time.Instant;

/**
 * {@code department.action.v1} on {@link Topics#departmentActions(String)}: a department's command about
 * an appeal. {@code actionId} makes it idempotent. {@code department} must name the department whose topic
 * carries the record (routing dead-letters a record that claims another).
 * REQUEST_INFO, EXTEND, FORWARD and REJECT need a {@code reason}; ANSWER needs {@code answer};
 * FORWARD needs {@code targetDepartment} or {@code outsideBody}; ROUTE needs {@code targetDepartment};
 * EXTEND needs {@code newDeadline}.
 */
public record DepartmentAction(
        String actionId,
        String appealId,
        ActionType action,
        String department,
        String actor,
        String reason,
        String answer,
        String targetDepartment,
        String outsideBody,
        Instant newDeadline,
        Instant occurredAt) {
}
