package kz.hearingstate.notification.delivery;

/** Who a notification is for. Outcome events carry only this, never the address. */
public enum RecipientRole {
    CITIZEN, DEPARTMENT, AKIM_OFFICE
}
