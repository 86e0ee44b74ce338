package kz.hearingstate.events;

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

    /** Closed statuses stop the legal clock. */
    public boolean isClosed() {
        return this == ANSWERED || this == FORWARDED || this == REJECTED;
    }
}
