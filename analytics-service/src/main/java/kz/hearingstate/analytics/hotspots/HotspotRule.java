package kz.hearingstate.analytics.hotspots;

import java.time.Duration;
import java.time.Instant;

/**
 * When a count of similar appeals is a surge: at least {@code max(minCount, factor × baseline)}, where the
 * baseline is the mean count per window over the {@code baselineWindows} windows before the current one.
 */
public record HotspotRule(Duration window, int baselineWindows, int minCount, double factor) {

    public double baseline(int appealsInBaselineWindows) {
        return (double) appealsInBaselineWindows / baselineWindows;
    }

    public boolean isSurge(int appealsInWindow, double baseline) {
        return appealsInWindow >= Math.max(minCount, factor * baseline);
    }

    /** The start (exclusive) of the window ending at {@code end}. */
    public Instant windowStart(Instant end) {
        return end.minus(window);
    }

    /** The start (exclusive) of the baseline windows before the window ending at {@code end}. */
    public Instant baselineStart(Instant end) {
        return end.minus(window.multipliedBy(baselineWindows + 1L));
    }
}
