package kz.hearingstate.analytics.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFacts;

/**
 * Figures computed from the per-appeal facts, never from counters kept by the events (see the README: medians need
 * every value, a fact changes after the event that counted it, and a replay must give the same numbers). Summary and
 * department figures add up {@link FactTally tallies} of whole months of receipt, each computed from the month's
 * facts and kept until a write to one of them moves the month's counter ({@link AppealFacts#receiptMonths()}).
 */
public class StatsService {

    /** Department key for appeals not routed yet. */
    public static final String UNASSIGNED = "unassigned";
    /** Key of a dimension (category, channel, settlement, language) an appeal does not have. */
    static final String UNKNOWN = "unknown";

    private final AppealFacts facts;
    private final Clock clock;
    /**
     * Of a confidential department, a median or a percentile of durations is shown only over this many appeals: of one
     * appeal, the median to the hundredth of an hour, and the moment its count grows, tell when that report came.
     */
    static final int FEWEST_DURATIONS_SHOWN = 5;

    private final ZoneId zone;
    private final Duration slaWindow;
    /**
     * A confidential department's appeals count in its own figures and in the totals, never in a split by category,
     * channel, settlement or language when it was the first to hold them: "one report from this village, by the
     * reception desk, in Kazakh, that day" would single out who wrote it, and a split with them, less the other
     * departments' figures, would give the same ({@link #inSplits}). An appeal forwarded into one later stays where it
     * was counted, so that the move changes no split.
     */
    private final Supplier<Set<String>> confidentialDepartments;
    /**
     * The departments whose appeals may count in a split: those the directory has named and not confidential
     * ({@code DepartmentDirectory#countableCodes}), or null where every department may (tests). A rebuilt instance reads
     * the directory beside the appeals, and until it has read a department, whether that one is confidential is
     * unknown, not "no": its appeals stay out of the splits until then.
     */
    private final Supplier<Set<String>> countableDepartments;
    /** The tallies of each month of receipt covered whole by a period asked for, with the counter they are of. */
    private final ConcurrentMap<YearMonth, MonthTallies> monthTallies = new ConcurrentHashMap<>();
    /** Figures being computed, by what was asked ({@link #once}). */
    private final ConcurrentMap<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    /**
     * How many different figures are computed at once: each reads its period's appeals into memory (a time series of
     * ten years of months reads every appeal of those years), so a public caller asking for many different periods at
     * once would otherwise hold as many in memory together. One per core of the machine the service is sized for; the
     * others wait for a place up to {@link #waitForComputing}, then are told to come back.
     */
    static final int COMPUTED_AT_ONCE = 2;
    static final Duration WAIT_FOR_COMPUTING = Duration.ofSeconds(10);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private final Semaphore computing;
    private final Duration waitForComputing;

    /** For tests: no department is confidential, and every one counts in the splits. */
    public StatsService(AppealFacts facts, Clock clock, ZoneId zone, Duration slaWindow) {
        this(facts, clock, zone, slaWindow, Set::of, null);
    }

    /**
     * @param slaWindow               how far back the SLA compliance gauge looks for closed appeals
     * @param confidentialDepartments the codes of the confidential departments, deleted ones included
     * @param countableDepartments    the codes of the departments named by the directory and not confidential, deleted
     *                                ones included; null for every department (tests)
     */
    public StatsService(AppealFacts facts, Clock clock, ZoneId zone, Duration slaWindow,
            Supplier<Set<String>> confidentialDepartments, Supplier<Set<String>> countableDepartments) {
        this(facts, clock, zone, slaWindow, confidentialDepartments, countableDepartments, COMPUTED_AT_ONCE, WAIT_FOR_COMPUTING);
    }

    StatsService(AppealFacts facts, Clock clock, ZoneId zone, Duration slaWindow,
            Supplier<Set<String>> confidentialDepartments, Supplier<Set<String>> countableDepartments, int computedAtOnce,
            Duration waitForComputing) {
        this.computing = new Semaphore(computedAtOnce);
        this.waitForComputing = waitForComputing;
        this.facts = facts;
        this.clock = clock;
        this.zone = zone;
        this.slaWindow = slaWindow;
        this.confidentialDepartments = confidentialDepartments;
        this.countableDepartments = countableDepartments;
    }

    public ZoneId zone() {
        return zone;
    }

    public Summary summary(Period period) {
        return once(List.of("summary", period), () -> computeSummary(period));
    }

    /** Every department with appeals received in the period, by code. */
    public List<DepartmentFigures> departments(Period period) {
        return once(List.of("departments", period), () -> computeDepartments(period));
    }

    public TimeSeries timeSeries(Metric metric, Interval interval, Period period, Dimensions filters) {
        return once(List.of("timeseries", metric, interval, period, filters),
                () -> computeTimeSeries(metric, interval, period, filters));
    }

    /**
     * Computes the figures of {@code request}, or, when the same are being computed already, waits for those: the
     * public page asks every visitor for the figures of all time, which read every stored fact (linear in the store,
     * seconds at 10^5), and visitors at once need one read, not one each. Nothing is kept afterwards, so a request
     * never gets figures computed before it came, other than those in the making when it came.
     */
    @SuppressWarnings("unchecked")
    private <T> T once(Object request, Supplier<T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(request, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            T result = computeWithinTheBound(compute);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            // An Error too (an out-of-memory on a huge period): requests waiting for this one must not wait forever.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(request, mine);
        }
    }

    /** @throws FiguresBusyException when no place to compute came free within {@link #waitForComputing} */
    private <T> T computeWithinTheBound(Supplier<T> compute) {
        try {
            if (!computing.tryAcquire(waitForComputing.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FiguresBusyException(RETRY_AFTER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FiguresBusyException(RETRY_AFTER);
        }
        try {
            return compute.get();
        } finally {
            computing.release();
        }
    }

    /**
     * The summary's durations leave out the appeals of the departments whose appeals stay out of the splits
     * ({@link Splittable}): of a day when anti-corruption alone acted on a report, the durations of all departments
     * would be that report's, which its own row withholds ({@link #FEWEST_DURATIONS_SHOWN}); beside one other
     * department's, a median and a p90 of two would give it too.
     */
    private Summary computeSummary(Period period) {
        Map<String, FactTally> byDepartment = talliesByDepartment(period);
        Splittable splittable = splittable();
        FactTally all = new FactTally();
        byDepartment.forEach((department, tally) -> all.add(tally, UNASSIGNED.equals(department) || splittable.test(department)));
        Map<String, Integer> receivedByDepartment = new TreeMap<>();
        byDepartment.forEach((department, tally) -> receivedByDepartment.put(department, tally.received()));
        // To the minute: a public timestamp says no more than it needs to.
        Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return new Summary(period.from(), period.to(), generatedAt, all.figures(startOfToday()), all.byStatus(),
                receivedByDepartment, all.byCategory(), all.byChannel(), all.bySettlement(), all.byLanguage(),
                all.notifications());
    }

    private List<DepartmentFigures> computeDepartments(Period period) {
        Instant asOf = startOfToday();
        Set<String> confidential = confidentialDepartments.get();
        List<DepartmentFigures> result = new ArrayList<>();
        talliesByDepartment(period).forEach((department, tally) -> {
            Figures figures = tally.figures(asOf);
            result.add(new DepartmentFigures(department,
                    confidential.contains(department) ? figures.withoutDurationsOfFewerThan(FEWEST_DURATIONS_SHOWN) : figures));
        });
        return result;
    }

    /**
     * The moment the public figures' ages and overdue counts are taken at: the start of today in the akimat's zone.
     * Taken at the request's own moment, an appeal would move from one age bucket to the next at the minute it came
     * in, one, three, seven and fifteen days later, and anyone polling the figures of a confidential department would
     * learn when each of its reports arrived.
     */
    private Instant startOfToday() {
        return LocalDate.ofInstant(clock.instant(), zone).atStartOfDay(zone).toInstant();
    }

    /**
     * The tallies of the appeals received in the period, by department: of each listed month of receipt the period
     * covers whole, the month's tallies as kept since its counter last moved (or read again now); of the rest of the
     * period (a month it covers in part, and any time no counter lists, such as the time before the first month), the
     * facts received then, whose months are then listed. So figures of all time read one counter per month of
     * history, the facts of the months written to since the last request, and the facts of at most two months in
     * part, however many the store holds.
     */
    private Map<String, FactTally> talliesByDepartment(Period period) {
        Splittable splittable = splittable();
        Map<YearMonth, Long> counters = facts.receiptMonths();
        Map<String, FactTally> total = new TreeMap<>();
        List<AppealFact> unlisted = new ArrayList<>();
        Instant readUpTo = period.from();
        for (Map.Entry<YearMonth, Long> month : counters.entrySet()) {
            Instant start = AppealFacts.startOf(month.getKey());
            Instant end = AppealFacts.startOf(month.getKey().plusMonths(1));
            if (start.isBefore(period.from()) || end.isAfter(period.to())) {
                continue;
            }
            if (readUpTo.isBefore(start)) {
                unlisted.addAll(facts.receivedBetween(readUpTo, start, null));
            }
            add(total, monthTallies(month.getKey(), month.getValue(), splittable));
            readUpTo = end;
        }
        if (readUpTo.isBefore(period.to())) {
            unlisted.addAll(facts.receivedBetween(readUpTo, period.to(), null));
        }
        add(total, FactTally.byDepartment(unlisted, fact -> inSplits(fact, splittable)));
        List<AppealFact> ofMonthsNotListed = unlisted.stream()
                .filter(fact -> !counters.containsKey(AppealFacts.receiptMonthOf(fact.getReceivedAt())))
                .toList();
        facts.listReceiptMonths(ofMonthsNotListed);
        return total;
    }

    private static void add(Map<String, FactTally> total, Map<String, FactTally> tallies) {
        tallies.forEach((department, tally) -> total.computeIfAbsent(department, code -> new FactTally()).add(tally));
    }

    private Map<String, FactTally> monthTallies(YearMonth month, long changes, Splittable splittable) {
        MonthTallies kept = monthTallies.get(month);
        if (kept != null && kept.changes() == changes && kept.splittable().equals(splittable)) {
            return kept.byDepartment();
        }
        Map<String, FactTally> read = FactTally.byDepartment(
                facts.receivedBetween(AppealFacts.startOf(month), AppealFacts.startOf(month.plusMonths(1)), null),
                fact -> inSplits(fact, splittable));
        // Two requests may read one month at once, under different counters: the later counter's tallies stay.
        monthTallies.merge(month, new MonthTallies(changes, splittable, read),
                (old, computed) -> computed.changes() >= old.changes() ? computed : old);
        return read;
    }

    /**
     * A month's tallies by department, as its facts were when its counter read {@code changes}, split as
     * {@code splittable} said.
     */
    private record MonthTallies(long changes, Splittable splittable, Map<String, FactTally> byDepartment) {
    }

    /**
     * The departments whose appeals may count in a split, as the directory says now: a value, so that tallies split
     * under it are kept only while it says the same.
     */
    private record Splittable(Set<String> confidential, Set<String> countable) implements Predicate<String> {
        @Override
        public boolean test(String department) {
            return !confidential.contains(department) && (countable == null || countable.contains(department));
        }
    }

    private Splittable splittable() {
        return new Splittable(confidentialDepartments.get(), countableDepartments == null ? null : countableDepartments.get());
    }

    /**
     * Whether an appeal counts in the splits by category, channel, settlement and language: once routed, unless its
     * first department is a confidential one or one the directory has not named yet ({@link #countableDepartments}).
     * Decided by the first department, so that no later move changes a split (an appeal leaving the splits as it is
     * forwarded into anti-corruption would say which it was), and not before routing, so that a report never enters
     * them.
     */
    private static boolean inSplits(AppealFact fact, Predicate<String> splittable) {
        String first = fact.getFirstDepartment();
        return first != null && splittable.test(first);
    }

    /**
     * The department gauges now ({@link DepartmentGauges}): two indexed reads of the open appeals and of those closed
     * within the SLA window, never of every stored appeal.
     *
     * @param listed departments to show even when they have nothing open and closed nothing in the window
     */
    public List<DepartmentGauges> departmentGauges(Collection<String> listed) {
        Instant now = clock.instant();
        return FiguresCalculator.gauges(facts.open(), facts.closedSince(now.minus(slaWindow)), listed,
                fact -> orDefault(fact.getDepartment(), UNASSIGNED), now);
    }

    private TimeSeries computeTimeSeries(Metric metric, Interval interval, Period period, Dimensions filters) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        boolean split = filters.splitsBeyondDepartment();
        Predicate<String> splittable = split ? splittable() : department -> true;
        // In a split, an appeal's department is the one it was first routed to, as for membership: a series of
        // roads' potholes must not drop as one of them is forwarded into anti-corruption.
        Dimensions matching = split ? new Dimensions(null, filters.category(), filters.channel(), filters.settlement(),
                filters.language()) : filters;
        for (AppealFact fact : facts.byTimestampBetween(metric.timestampField(), period.from(), period.to())) {
            if (!matching.matches(fact) || (split && (!inSplits(fact, splittable)
                    || (filters.department() != null && !filters.department().equals(fact.getFirstDepartment()))))) {
                continue;
            }
            LocalDate day = timestamp(metric, fact).atZone(zone).toLocalDate();
            counts.merge(interval.start(day), 1, Integer::sum);
        }
        List<TimeSeries.Point> points = new ArrayList<>();
        if (!counts.isEmpty()) {
            LocalDate last = counts.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
            for (LocalDate start = counts.keySet().iterator().next(); !start.isAfter(last); start = interval.next(start)) {
                points.add(new TimeSeries.Point(start, counts.getOrDefault(start, 0)));
            }
        }
        return new TimeSeries(metric.wireName(), interval.wireName(), zone.getId(), filters.asMap(), points);
    }

    private static Instant timestamp(Metric metric, AppealFact fact) {
        return switch (metric) {
            case RECEIVED -> fact.getReceivedAt();
            case ROUTED -> fact.getRoutedAt();
            case ANSWERED -> fact.getAnsweredAt();
            case FORWARDED -> fact.getForwardedAt();
            case REJECTED -> fact.getRejectedAt();
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** A half-open period [from, to) of receipt (or of the time-series metric). */
    public record Period(Instant from, Instant to) {
        public static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
        public static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

        public static Period allTime() {
            return new Period(BEGINNING, END);
        }
    }
}
