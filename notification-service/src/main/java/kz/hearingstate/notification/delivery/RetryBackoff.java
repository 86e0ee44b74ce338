package kz.hearingstate.notification.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with "equal jitter": after attempt n the wait is between half and all of
 * {@code initial * multiplier^(n-1)}, capped at {@code max}. The jitter spreads retries of many
 * notifications that failed together (a gateway outage) so they do not all come back at once.
 */
public class RetryBackoff {

    private final Duration initial;
    private final double multiplier;
    private final Duration max;
    private final DoubleSupplier random;

    public RetryBackoff(Duration initial, double multiplier, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.multiplier = multiplier;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failedAttempts} failures (1 after the first). */
    public Duration after(int failedAttempts) {
        double exponential = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        double capped = Math.min(exponential, max.toMillis());
        double half = capped / 2;
        return Duration.ofMillis(Math.round(half + random.getAsDouble() * half));
    }
}
