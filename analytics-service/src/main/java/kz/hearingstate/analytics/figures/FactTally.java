package kz.hearingstate.analytics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Function;

import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.figures.Figures.DurationStats;
import kz.hearingstate.analytics.figures.Figures.Satisfaction;
import kz.hearingstate.events.AppealStatus;

/**
 * What the figures of a set of appeals are made of, without the appeals: counts, every duration (a median needs
 * every value; a month's are as many as its appeals) and the open appeals' receipt times and deadlines (how old an
 * open appeal is, and whether it is overdue, depends on when the figures are asked). The tally of two disjoint sets
 * is the two tallies added, so the figures of a period are exactly those of its months' tallies added up, as if
 * computed from all its facts at once. A tally is filled once and then only read: {@link #add(FactTally)} copies.
 */
final class FactTally {

    private int received;
    private int routed;
    private int answered;
    private int forwarded;
    private int rejected;
    private final List<OpenAppeal> open = new ArrayList<>();
    private final Seconds toFirstAction = new Seconds();
    private final Seconds toAnswer = new Seconds();
    private int closedWithDeadline;
    private int closedOnTime;
    private int rated;
    private long ratingSum;
    private int solved;
    private int everAnswered;
    private int reopenedOfAnswered;
    private int notificationsDelivered;
    private int notificationsFailed;
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byCategory = new TreeMap<>();
    private final Map<String, Integer> byChannel = new TreeMap<>();
    private final Map<String, Integer> bySettlement = new TreeMap<>();
    private final Map<String, Integer> byLanguage = new TreeMap<>();

    static FactTally of(Collection<AppealFact> facts) {
        FactTally tally = new FactTally();
        facts.forEach(fact -> tally.add(fact, true));
        return tally;
    }

    /**
     * The tallies of {@code facts} by department ({@link StatsService#UNASSIGNED} before routing), by code.
     *
     * @param inSplits whether a fact counts in the splits by category, channel, settlement and language
     */
    static Map<String, FactTally> byDepartment(Collection<AppealFact> facts, Predicate<AppealFact> inSplits) {
        Map<String, FactTally> tallies = new TreeMap<>();
        for (AppealFact fact : facts) {
            tallies.computeIfAbsent(orDefault(fact.getDepartment(), StatsService.UNASSIGNED), code -> new FactTally())
                    .add(fact, inSplits.test(fact));
        }
        return tallies;
    }

    void add(AppealFact fact, boolean inSplits) {
        received++;
        routed += fact.getRoutedAt() != null ? 1 : 0;
        answered += fact.getStatus() == AppealStatus.ANSWERED ? 1 : 0;
        forwarded += fact.getStatus() == AppealStatus.FORWARDED ? 1 : 0;
        rejected += fact.getStatus() == AppealStatus.REJECTED ? 1 : 0;
        if (fact.isOpen()) {
            open.add(new OpenAppeal(fact.getReceivedAt(), fact.clockRuns() ? fact.getDeadline() : null));
        }
        toFirstAction.add(fact.getReceivedAt(), fact.getFirstActionAt());
        toAnswer.add(fact.getReceivedAt(), fact.getAnsweredAt());
        if (fact.countsTowardSla()) {
            closedWithDeadline++;
            closedOnTime += fact.isClosedOnTime() ? 1 : 0;
        }
        if (fact.getRating() != null) {
            rated++;
            ratingSum += fact.getRating();
            solved += Boolean.TRUE.equals(fact.getSolved()) ? 1 : 0;
        }
        if (fact.getAnsweredAt() != null) {
            everAnswered++;
            reopenedOfAnswered += fact.getReopenCount() > 0 ? 1 : 0;
        }
        notificationsDelivered += fact.getNotificationsDelivered();
        notificationsFailed += fact.getNotificationsFailed();
        if (fact.getStatus() != null) {
            byStatus.merge(fact.getStatus().name(), 1, Integer::sum);
        }
        if (inSplits) {
            count(byCategory, fact, AppealFact::getCategory);
            count(byChannel, fact, AppealFact::getChannel);
            count(bySettlement, fact, AppealFact::getSettlement);
            count(byLanguage, fact, AppealFact::getLanguage);
        }
    }

    /** Adds {@code other}'s appeals to this tally's; {@code other} stays as it was. */
    void add(FactTally other) {
        add(other, true);
    }

    /** Adds {@code other}'s appeals to this tally's, their durations only if {@code withDurations}. */
    void add(FactTally other, boolean withDurations) {
        received += other.received;
        routed += other.routed;
        answered += other.answered;
        forwarded += other.forwarded;
        rejected += other.rejected;
        open.addAll(other.open);
        if (withDurations) {
            toFirstAction.add(other.toFirstAction);
            toAnswer.add(other.toAnswer);
        }
        closedWithDeadline += other.closedWithDeadline;
        closedOnTime += other.closedOnTime;
        rated += other.rated;
        ratingSum += other.ratingSum;
        solved += other.solved;
        everAnswered += other.everAnswered;
        reopenedOfAnswered += other.reopenedOfAnswered;
        notificationsDelivered += other.notificationsDelivered;
        notificationsFailed += other.notificationsFailed;
        other.byStatus.forEach((key, count) -> byStatus.merge(key, count, Integer::sum));
        other.byCategory.forEach((key, count) -> byCategory.merge(key, count, Integer::sum));
        other.byChannel.forEach((key, count) -> byChannel.merge(key, count, Integer::sum));
        other.bySettlement.forEach((key, count) -> bySettlement.merge(key, count, Integer::sum));
        other.byLanguage.forEach((key, count) -> byLanguage.merge(key, count, Integer::sum));
    }

    Figures figures(Instant now) {
        Map<String, Integer> backlog = new LinkedHashMap<>();
        FiguresCalculator.AGE_BUCKETS_DAYS.keySet().forEach(bucket -> backlog.put(bucket, 0));
        open.forEach(appeal -> backlog.merge(FiguresCalculator.ageBucket(appeal.receivedAt(), now), 1, Integer::sum));
        int overdue = (int) open.stream().filter(appeal -> appeal.deadline() != null && appeal.deadline().isBefore(now)).count();
        return new Figures(received, routed, answered, forwarded, rejected, open.size(), overdue, backlog,
                toFirstAction.stats(), toAnswer.stats(), FiguresCalculator.ratio(closedOnTime, closedWithDeadline), satisfaction(),
                FiguresCalculator.ratio(reopenedOfAnswered, everAnswered));
    }

    int received() {
        return received;
    }

    /** Appeals by current status, every status listed (0 included). */
    Map<String, Integer> byStatus() {
        Map<String, Integer> counts = new TreeMap<>();
        for (AppealStatus status : AppealStatus.values()) {
            counts.put(status.name(), byStatus.getOrDefault(status.name(), 0));
        }
        return counts;
    }

    Map<String, Integer> byCategory() {
        return new TreeMap<>(byCategory);
    }

    Map<String, Integer> byChannel() {
        return new TreeMap<>(byChannel);
    }

    Map<String, Integer> bySettlement() {
        return new TreeMap<>(bySettlement);
    }

    Map<String, Integer> byLanguage() {
        return new TreeMap<>(byLanguage);
    }

    Summary.Notifications notifications() {
        return new Summary.Notifications(notificationsDelivered, notificationsFailed);
    }

    private Satisfaction satisfaction() {
        if (rated == 0) {
            return new Satisfaction(0, null, null);
        }
        return new Satisfaction(rated, FiguresCalculator.round((double) ratingSum / rated),
                FiguresCalculator.round((double) solved / rated));
    }

    private static void count(Map<String, Integer> counts, AppealFact fact, Function<AppealFact, String> key) {
        counts.merge(orDefault(key.apply(fact), StatsService.UNKNOWN), 1, Integer::sum);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /**
     * An open appeal as the time-dependent figures see it; either may be null, the deadline also while the clock is
     * paused ({@link AppealFact#clockRuns()}), when the appeal cannot be overdue.
     */
    private record OpenAppeal(Instant receivedAt, Instant deadline) {
    }

    /** Durations from receipt in whole seconds ({@link Duration#toSeconds()}), as a growable array. */
    private static final class Seconds {
        private long[] values = new long[0];
        private int size;

        void add(Instant receivedAt, Instant end) {
            if (receivedAt != null && end != null) {
                grow(1);
                values[size++] = Duration.between(receivedAt, end).toSeconds();
            }
        }

        void add(Seconds other) {
            grow(other.size);
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        /** Count, median and p90 in hours, as {@link FiguresCalculator#percentile} takes them. */
        DurationStats stats() {
            if (size == 0) {
                return new DurationStats(0, null, null);
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return new DurationStats(size, FiguresCalculator.round(hoursAtRank(sorted, 0.5)),
                    FiguresCalculator.round(hoursAtRank(sorted, 0.9)));
        }

        private static double hoursAtRank(long[] sorted, double p) {
            return sorted[FiguresCalculator.nearestRank(sorted.length, p) - 1] / 3600.0;
        }

        private void grow(int more) {
            if (size + more > values.length) {
                values = Arrays.copyOf(values, Math.max(size + more, values.length * 2));
            }
        }
    }
}
