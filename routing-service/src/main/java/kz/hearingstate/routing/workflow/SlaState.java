package kz.hearingstate.routing.workflow;

/** How far the legal clock of an open appeal has run: each step is published once. */
public enum SlaState {
    ON_TIME, WARNED, BREACHED
}
