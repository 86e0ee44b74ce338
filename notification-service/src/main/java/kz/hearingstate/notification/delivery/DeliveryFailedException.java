package kz.hearingstate.notification.delivery;

/**
 * A delivery attempt failed. The message must not carry personal data unmasked: it is stored and logged.
 * A permanent failure (the receiver refused this message for good, e.g. HTTP 400) is not retried.
 */
public class DeliveryFailedException extends Exception {

    private final boolean permanent;

    public DeliveryFailedException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryFailedException transientFailure(String message, Throwable cause) {
        return new DeliveryFailedException(message, false, cause);
    }

    public static DeliveryFailedException permanentFailure(String message) {
        return new DeliveryFailedException(message, true, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
