package kz.hearingstate.analytics.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A time-series period: a calendar day, an ISO week starting on Monday, or a calendar month. */
public enum Interval {
    DAY(400), WEEK(5 * 366), MONTH(10 * 366);

    /**
     * The longest period one series of this interval covers, in days: each series reads every appeal of its period,
     * and a public query must not be able to read every appeal ever stored, again and again.
     */
    private final int maxDays;

    Interval(int maxDays) {
        this.maxDays = maxDays;
    }

    public int maxDays() {
        return maxDays;
    }

    /** The first day of the period containing {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    public LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Interval> fromWireName(String name) {
        return Arrays.stream(values()).filter(interval -> interval.wireName().equals(name)).findFirst();
    }
}
