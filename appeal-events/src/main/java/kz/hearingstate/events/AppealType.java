package kz.hearingstate.events;

/** Kinds of appeal under the APPK: заявление, жалоба, предложение, запрос, сообщение, отклик. */
public enum AppealType {
    STATEMENT, COMPLAINT, PROPOSAL, INQUIRY, REPORT, FEEDBACK
}
