package kz.hearingstate.performance.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * When each appeal of a run was counted by analytics, from polled counts. Appeals are taken in the
 * order they were accepted: the k-th accepted appeal counts as counted at the first observation whose
 * count reached {@code baseline + k}. The estimate is late by at most one polling interval, never early
 * (unless analytics counts out of order, which a single consumer per partition mostly does not).
 */
public final class CountedTimes {

    private CountedTimes() {
    }

    /**
     * @param acceptedAtMillis accept times of the run's appeals, ascending
     * @param baseline         the count before the run
     * @return the latency of every appeal that was counted, in acceptance order
     */
    public static List<Long> latencies(List<Long> acceptedAtMillis, long baseline,
                                       List<AnalyticsCounter.Observation> observations) {
        List<Long> latencies = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < acceptedAtMillis.size(); k++) {
            long needed = baseline + k + 1;
            while (next < observations.size() && observations.get(next).count() < needed) {
                next++;
            }
            if (next == observations.size()) {
                break;
            }
            latencies.add(Math.max(0, observations.get(next).atMillis() - acceptedAtMillis.get(k)));
        }
        return latencies;
    }
}
