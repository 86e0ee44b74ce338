package kz.hearingstate.events;

/** How the citizen wants to be told of each step. */
public enum ContactChannel {
    SMS, EMAIL, WEBHOOK, NONE
}
