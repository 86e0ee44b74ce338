package kz.hearingstate.routing.workflow;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The appeal changed after the actor looked at it (another action, a timer, the citizen): the action is not
 * applied. A conflict like any other lost race, so the API answers it 409 the same way.
 */
public class StaleAppealException extends OptimisticLockingFailureException {

    private final long current;

    public StaleAppealException(String appealId, long expected, long current) {
        super("Appeal " + appealId + " changed since it was read (event " + expected + ", now " + current + ")");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
