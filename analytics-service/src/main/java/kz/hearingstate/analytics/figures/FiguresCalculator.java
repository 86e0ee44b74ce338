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
import kz.hearingstate.analytics.figures.Figures.Ratio;

/**
 * Computes {@link Figures} from facts. Plain and deterministic: the same facts and the same
 * {@code now} give the same figures, which is what makes a replay reproduce them exactly.
 */
public final class FiguresCalculator {

    /** Open appeals by wall-clock age since receipt: upper bounds in days, exclusive; the last is open-ended. */
    static final Map<String, Integer> AGE_BUCKETS_DAYS = ageBuckets();

    public static Figures compute(Collection<AppealFact> facts, Instant now) {
        return FactTally.of(facts).figures(now);
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
        closedInWindow.stream().filter(AppealFact::countsTowardSla)
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

    /**
     * Nearest-rank percentile of sorted values: the smallest value with at least {@code p} of the values at
     * or below it. The median of 1, 2, 3, 4 is 2.
     */
    static double percentile(List<Double> sorted, double p) {
        return sorted.get(nearestRank(sorted.size(), p) - 1);
    }

    /** The 1-based rank of the {@code p} percentile among {@code size} sorted values (nearest rank). */
    static int nearestRank(int size, double p) {
        return Math.max((int) Math.ceil(p * size), 1);
    }

    static Ratio ratio(int count, int outOf) {
        return new Ratio(count, outOf, outOf == 0 ? null : round((double) count / outOf));
    }

    /** The backlog age bucket of an appeal received at {@code receivedAt} (now when unknown). */
    static String ageBucket(Instant receivedAt, Instant now) {
        Instant since = receivedAt == null ? now : receivedAt;
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

    static Double round(double value) {
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
