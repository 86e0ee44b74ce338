package kz.hearingstate.localstack;

/** Something the stack needs did not come up; the message says what and where its log is. */
public final class StackStartupException extends RuntimeException {

    public StackStartupException(String message) {
        super(message);
    }

    public StackStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
