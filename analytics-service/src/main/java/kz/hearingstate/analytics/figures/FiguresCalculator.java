package kz.hearingstate.analytics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.figures.Figures.DurationStats;
import kz.hearingstate.analytics.figures.Figures.Ratio;
import kz.hearingstate.analytics.figures.Figures.Satisfaction;
import kz.hearingstate.events.AppealStatus;

/**
 * Computes {@link Figures} from facts. Plain and deterministic: the same facts and the same
 * {@code now} give the same figures, which is what makes a replay reproduce them exactly.
 */
public final class FiguresCalculator {

    /** Open appeals by wall-clock age since receipt: upper bounds in days, exclusive; the last is open-ended. */
    static final Map<String, Integer> AGE_BUCKETS_DAYS = ageBuckets();

    public static Figures compute(Collection<AppealFact> facts, Instant now) {
        Map<String, Integer> backlog = new LinkedHashMap<>();
        AGE_BUCKETS_DAYS.keySet().forEach(bucket -> backlog.put(bucket, 0));
        facts.stream().filter(AppealFact::isOpen).forEach(fact -> backlog.merge(ageBucket(fact, now), 1, Integer::sum));

        List<AppealFact> closed = facts.stream().filter(FiguresCalculator::closedWithDeadline).toList();
        List<AppealFact> rated = facts.stream().filter(fact -> fact.getRating() != null).toList();
        List<AppealFact> everAnswered = facts.stream().filter(fact -> fact.getAnsweredAt() != null).toList();

        return new Figures(
                facts.size(),
                count(facts, fact -> fact.getRoutedAt() != null),
                count(facts, fact -> fact.getStatus() == AppealStatus.ANSWERED),
                count(facts, fact -> fact.getStatus() == AppealStatus.FORWARDED),
                count(facts, fact -> fact.getStatus() == AppealStatus.REJECTED),
                count(facts, AppealFact::isOpen),
                count(facts, fact -> fact.isOverdue(now)),
                backlog,
                durations(facts, AppealFact::getFirstActionAt),
                durations(facts, AppealFact::getAnsweredAt),
                ratio(count(closed, AppealFact::isClosedOnTime), closed.size()),
                satisfaction(rated),
                ratio(count(everAnswered, fact -> fact.getReopenCount() > 0), everAnswered.size()));
    }

    /**
     * The department gauges from the open appeals and those closed since the start of the SLA window, each set
     * as {@code AppealFacts} reads it. Every department of {@code listed} has a row, with zeros when it has
     * nothing open and closed nothing, so a dashboard shows its backlog fall to 0 rather than vanish.
     *
     * @param department the department a fact counts under ({@code unassigned} before routing)
     */
    public static List<DepartmentGauges> gauges(Collection<AppealFact> open, Collection<AppealFact> closedInWindow,
            Collection<String> listed, Function<AppealFact, String> department, Instant now) {
        Map<String, List<AppealFact>> openBy = new TreeMap<>();
        Map<String, List<AppealFact>> closedBy = new TreeMap<>();
        listed.forEach(code -> openBy.put(code, new ArrayList<>()));
        open.stream().filter(AppealFact::isOpen)
                .forEach(fact -> openBy.computeIfAbsent(department.apply(fact), code -> new ArrayList<>()).add(fact));
        closedInWindow.stream().filter(FiguresCalculator::closedWithDeadline)
                .forEach(fact -> closedBy.computeIfAbsent(department.apply(fact), code -> new ArrayList<>()).add(fact));
        closedBy.keySet().forEach(code -> openBy.computeIfAbsent(code, none -> new ArrayList<>()));
        List<DepartmentGauges> gauges = new ArrayList<>();
        openBy.forEach((code, openFacts) -> {
            List<AppealFact> closed = closedBy.getOrDefault(code, List.of());
            gauges.add(new DepartmentGauges(code, openFacts.size(), count(openFacts, fact -> fact.isOverdue(now)),
                    ratio(count(closed, AppealFact::isClosedOnTime), closed.size())));
        });
        return gauges;
    }

    /** The appeals SLA compliance is a share of: closed, with a deadline to have met or missed. */
    private static boolean closedWithDeadline(AppealFact fact) {
        return fact.getClosedAt() != null && fact.getDeadline() != null;
    }

    /**
     * Nearest-rank percentile of sorted values: the smallest value with at least {@code p} of the values at
     * or below it. The median of 1, 2, 3, 4 is 2.
     */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static DurationStats durations(Collection<AppealFact> facts, Function<AppealFact, Instant> end) {
        List<Double> hours = new ArrayList<>();
        for (AppealFact fact : facts) {
            Instant at = end.apply(fact);
            if (at != null && fact.getReceivedAt() != null) {
                hours.add(Duration.between(fact.getReceivedAt(), at).toSeconds() / 3600.0);
            }
        }
        if (hours.isEmpty()) {
            return new DurationStats(0, null, null);
        }
        hours.sort(null);
        return new DurationStats(hours.size(), round(percentile(hours, 0.5)), round(percentile(hours, 0.9)));
    }

    private static Satisfaction satisfaction(List<AppealFact> rated) {
        if (rated.isEmpty()) {
            return new Satisfaction(0, null, null);
        }
        double average = rated.stream().mapToInt(AppealFact::getRating).average().orElseThrow();
        int solved = count(rated, fact -> Boolean.TRUE.equals(fact.getSolved()));
        return new Satisfaction(rated.size(), round(average), round((double) solved / rated.size()));
    }

    private static Ratio ratio(int count, int outOf) {
        return new Ratio(count, outOf, outOf == 0 ? null : round((double) count / outOf));
    }

    private static String ageBucket(AppealFact fact, Instant now) {
        Instant since = fact.getReceivedAt() == null ? now : fact.getReceivedAt();
        long ageHours = Duration.between(since, now).toHours();
        String last = null;
        for (Map.Entry<String, Integer> bucket : AGE_BUCKETS_DAYS.entrySet()) {
            last = bucket.getKey();
            if (ageHours < bucket.getValue() * 24L) {
                return last;
            }
        }
        return last;
    }

    private static int count(Collection<AppealFact> facts, Predicate<AppealFact> predicate) {
        return (int) facts.stream().filter(predicate).count();
    }

    private static Double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static Map<String, Integer> ageBuckets() {
        Map<String, Integer> buckets = new LinkedHashMap<>();
        buckets.put("under1d", 1);
        buckets.put("1to3d", 3);
        buckets.put("3to7d", 7);
        buckets.put("7to15d", 15);
        buckets.put("15dPlus", Integer.MAX_VALUE / 24);
        return buckets;
    }

    private FiguresCalculator() {
    }
}
