package kz.hearingstate.analytics.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.events.AppealStatus;

/**
 * Figures computed at query time from the per-appeal facts (see the README for why not incremental
 * counters: medians need every value, and a replay must give the same numbers).
 */
public class StatsService {

    /** Department key for appeals not routed yet. */
    public static final String UNASSIGNED = "unassigned";
    private static final String UNKNOWN = "unknown";

    private final AppealFacts facts;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration slaWindow;
    /** Figures being computed, by what was asked ({@link #once}). */
    private final ConcurrentMap<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    /** @param slaWindow how far back the SLA compliance gauge looks for closed appeals */
    public StatsService(AppealFacts facts, Clock clock, ZoneId zone, Duration slaWindow) {
        this.facts = facts;
        this.clock = clock;
        this.zone = zone;
        this.slaWindow = slaWindow;
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
            T result = compute.get();
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

    private Summary computeSummary(Period period) {
        List<AppealFact> received = facts.receivedBetween(period.from(), period.to(), null);
        Map<String, Integer> byStatus = new TreeMap<>();
        for (AppealStatus status : AppealStatus.values()) {
            byStatus.put(status.name(), 0);
        }
        received.stream().filter(fact -> fact.getStatus() != null)
                .forEach(fact -> byStatus.merge(fact.getStatus().name(), 1, Integer::sum));
        // To the minute: a public timestamp says no more than it needs to.
        Instant generatedAt = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return new Summary(period.from(), period.to(), generatedAt, FiguresCalculator.compute(received, clock.instant()),
                byStatus,
                countBy(received, fact -> orDefault(fact.getDepartment(), UNASSIGNED)),
                countBy(received, fact -> orDefault(fact.getCategory(), UNKNOWN)),
                countBy(received, fact -> orDefault(fact.getChannel(), UNKNOWN)),
                countBy(received, fact -> orDefault(fact.getSettlement(), UNKNOWN)),
                countBy(received, fact -> orDefault(fact.getLanguage(), UNKNOWN)),
                new Summary.Notifications(
                        received.stream().mapToInt(AppealFact::getNotificationsDelivered).sum(),
                        received.stream().mapToInt(AppealFact::getNotificationsFailed).sum()));
    }

    private List<DepartmentFigures> computeDepartments(Period period) {
        Instant now = clock.instant();
        Map<String, List<AppealFact>> byDepartment = facts.receivedBetween(period.from(), period.to(), null).stream()
                .collect(Collectors.groupingBy(fact -> orDefault(fact.getDepartment(), UNASSIGNED), TreeMap::new,
                        Collectors.toList()));
        List<DepartmentFigures> result = new ArrayList<>();
        byDepartment.forEach((department, departmentFacts) ->
                result.add(new DepartmentFigures(department, FiguresCalculator.compute(departmentFacts, now))));
        return result;
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
        for (AppealFact fact : facts.byTimestampBetween(metric.timestampField(), period.from(), period.to())) {
            if (!filters.matches(fact)) {
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

    private static Map<String, Integer> countBy(List<AppealFact> facts, Function<AppealFact, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        facts.forEach(fact -> counts.merge(key.apply(fact), 1, Integer::sum));
        return counts;
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
