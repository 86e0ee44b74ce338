package kz.hearingstate.performance.measure;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a set of latencies in milliseconds, nearest-rank (the value below which p% of the
 * samples lie, never an interpolation between two samples). An empty set has count 0 and null figures.
 */
public record LatencySummary(int count, Long p50, Long p95, Long p99, Long max, Double mean) {

    public static LatencySummary of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return of(sorted);
    }

    static LatencySummary of(long[] sorted) {
        if (sorted.length == 0) {
            return new LatencySummary(0, null, null, null, null, null);
        }
        double mean = Arrays.stream(sorted).average().orElseThrow();
        return new LatencySummary(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1], Math.round(mean * 10) / 10.0);
    }

    /** Nearest-rank percentile: the ceil(p/100 * n)-th smallest sample. */
    static long rank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
