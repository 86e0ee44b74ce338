package kz.hearingstate.analytics.figures;

import java.util.Map;

/**
 * The figures of a set of appeals (all of them, or one department's). Counts are of appeals received
 * in the period asked for; answered, forwarded and rejected are by current status. Durations are
 * wall-clock hours from receipt. See the README for every definition.
 */
public record Figures(
        int received,
        int routed,
        int answered,
        int forwarded,
        int rejected,
        int open,
        int overdue,
        Map<String, Integer> backlogByAge,
        DurationStats timeToFirstAction,
        DurationStats timeToAnswer,
        Ratio slaCompliance,
        Satisfaction satisfaction,
        Ratio reopenRate) {

    /** Wall-clock hours: how many, the median and the 90th percentile (nearest rank); null when none. */
    public record DurationStats(int count, Double medianHours, Double p90Hours) {

        DurationStats withoutStatisticsOfFewerThan(int fewest) {
            return count >= fewest ? this : new DurationStats(count, null, null);
        }
    }

    /** These figures with the duration statistics left out (their counts kept) where fewer than {@code fewest} appeals make them. */
    Figures withoutDurationsOfFewerThan(int fewest) {
        return new Figures(received, routed, answered, forwarded, rejected, open, overdue, backlogByAge,
                timeToFirstAction.withoutStatisticsOfFewerThan(fewest), timeToAnswer.withoutStatisticsOfFewerThan(fewest),
                slaCompliance, satisfaction, reopenRate);
    }

    /** {@code count} out of {@code outOf}; {@code rate} is null when {@code outOf} is 0. */
    public record Ratio(int count, int outOf, Double rate) {
    }

    /** From the latest feedback per appeal; null averages when no feedback. */
    public record Satisfaction(int feedbackCount, Double averageRating, Double solvedRate) {
    }
}
