package kz.hearingstate.analytics.figures;

import java.time.Duration;

/**
 * As many figures are being computed as the service computes at once, and none finished within the wait: the caller
 * is told to come back ({@code retryAfter}), rather than each request reading its period's appeals into memory
 * beside the others'.
 */
public class FiguresBusyException extends RuntimeException {

    private final Duration retryAfter;

    public FiguresBusyException(Duration retryAfter) {
        super("Too many figures being computed; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
