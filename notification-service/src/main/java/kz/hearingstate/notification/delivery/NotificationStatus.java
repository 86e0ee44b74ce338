package kz.hearingstate.notification.delivery;

/** PENDING → SENDING → SENT, or back to PENDING for a retry, or FAILED after the last attempt. */
public enum NotificationStatus {
    /** Recorded, waiting for its (next) attempt at {@code dueAt}. */
    PENDING,
    /** Claimed by a worker until {@code dueAt}; if that passes (a crash), it is tried again. */
    SENDING,
    SENT,
    FAILED,
    /** The recipient is not told (anonymous, no contact wanted, no address); kept so operators see why. */
    SKIPPED
}
