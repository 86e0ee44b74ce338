package kz.hearingstate.events;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/** Where an appeal stands, as every projection shows it. */
public enum AppealStatus {
    /** Accepted by intake, not yet routed. */
    SUBMITTED,
    /** Routed to a department (or the triage desk), waiting for it to accept. */
    ROUTED,
    /** Accepted by the department, being worked on. */
    IN_PROGRESS,
    /** The department asked the citizen for information; the legal clock is paused. */
    INFO_REQUESTED,
    /** Answered. Closed unless the citizen says it did not solve the problem. */
    ANSWERED,
    /** Forwarded to a body outside the akimat's competence. Closed for the akimat. */
    FORWARDED,
    /** Rejected, with the legal reason (including anonymous appeals not considered). */
    REJECTED;

    private static final Set<AppealStatus> CLOCK_RUNNING =
            Collections.unmodifiableSet(EnumSet.copyOf(Stream.of(values()).filter(AppealStatus::clockRuns).toList()));

    /** Closed statuses stop the legal clock. */
    public boolean isClosed() {
        return this == ANSWERED || this == FORWARDED || this == REJECTED;
    }

    /**
     * Whether the legal clock runs: open, and not paused while the department waits for the citizen's information
     * (routing moves the deadline on by the pause when they answer). Only an appeal whose clock runs can be at risk
     * or overdue.
     */
    public boolean clockRuns() {
        return !isClosed() && !isPaused();
    }

    /** Paused: the department waits for the citizen's information, and the legal clock stands until they answer. */
    public boolean isPaused() {
        return this == INFO_REQUESTED;
    }

    /** Every status whose {@link #clockRuns() clock runs}, for queries. */
    public static Set<AppealStatus> clockRunning() {
        return CLOCK_RUNNING;
    }
}
