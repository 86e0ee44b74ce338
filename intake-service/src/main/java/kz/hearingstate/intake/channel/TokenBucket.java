package kz.hearingstate.intake.channel;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code refillPerSecond}. Time comes in
 * as nanoseconds so tests can drive it.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("A rate limit needs capacity >= 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes one token; when none is left, how long until one will be (for Retry-After). */
    public synchronized Decision tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastRefillNanos) * refillPerNano);
        lastRefillNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, Duration.ZERO);
        }
        return new Decision(false, Duration.ofNanos((long) Math.ceil((1 - tokens) / refillPerNano)));
    }

    /** Whether the bucket is back at capacity: it then behaves exactly like a new one and may be forgotten. */
    public synchronized boolean isFull(long nowNanos) {
        return tokens + (nowNanos - lastRefillNanos) * refillPerNano >= capacity;
    }

    public record Decision(boolean allowed, Duration retryAfter) {
    }
}
