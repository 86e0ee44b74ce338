package kz.hearingstate.routing.workflow;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.hearingstate.events.ActionType;

/**
 * A department action over HTTP. {@code actionId} makes a retry safe (the same id applies once); when
 * absent, the server makes one, so a blind retry may apply twice.
 */
public record ActionRequest(
        @Size(max = 100) String actionId,
        @NotNull ActionType action,
        @Size(max = 2000) String reason,
        @Size(max = 20000) String answer,
        @Size(max = 40) String targetDepartment,
        @Size(max = 300) String outsideBody,
        Instant newDeadline) {
}
