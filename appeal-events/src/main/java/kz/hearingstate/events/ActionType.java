package kz.hearingstate.events;

/** Commands a department (or the triage desk, or an admin) sends about an appeal. */
public enum ActionType {
    ACCEPT, REQUEST_INFO, ANSWER, FORWARD, EXTEND, REJECT, ROUTE
}
