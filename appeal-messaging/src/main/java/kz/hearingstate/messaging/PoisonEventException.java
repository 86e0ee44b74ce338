package kz.hearingstate.messaging;

/**
 * A record that can never be processed (unparseable, or invalid against its schema). It is not retried:
 * it goes straight to the dead-letter topic.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
