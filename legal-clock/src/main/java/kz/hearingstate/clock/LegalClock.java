package kz.hearingstate.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The clock of the Administrative Procedural Code (APPK) for one body's working hours:
 * <ul>
 *   <li>an appeal is registered on the day it arrives, or on the next working day when it arrives
 *       after hours or on a day off ({@link #registeredAt});</li>
 *   <li>terms run in working days from the day after registration and end with the working day
 *       ({@link #deadline}); the registration day itself is not counted;</li>
 *   <li>an extension may reach at most two months after registration ({@link #latestExtendedDeadline});</li>
 *   <li>while the clock is paused (the department waits for the citizen), only the working time inside
 *       the pause is given back ({@link #pausedWorkingDays}).</li>
 * </ul>
 */
public final class LegalClock {

    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final LocalTime workdayStart;
    private final LocalTime workdayEnd;

    public LegalClock(WorkingCalendar calendar, ZoneId zone, LocalTime workdayStart, LocalTime workdayEnd) {
        if (!workdayStart.isBefore(workdayEnd)) {
            throw new IllegalArgumentException("The working day must start before it ends");
        }
        this.calendar = calendar;
        this.zone = zone;
        this.workdayStart = workdayStart;
        this.workdayEnd = workdayEnd;
    }

    /** Kazakhstan's calendar, Almaty time (UTC+5), working hours 09:00 to 18:00. */
    public static LegalClock kazakhstan() {
        return new LegalClock(WorkingCalendar.kazakhstan(), ZoneId.of("Asia/Almaty"), LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The registration time: the arrival itself inside working hours, else the start of the next working period. */
    public Instant registeredAt(Instant receivedAt) {
        ZonedDateTime local = receivedAt.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (calendar.isWorkingDay(day)) {
            if (time.isBefore(workdayStart)) {
                return startOf(day);
            }
            if (time.isBefore(workdayEnd)) {
                return receivedAt;
            }
        }
        return startOf(calendar.nextWorkingDay(day));
    }

    /** The end of the working day that is {@code workingDays} working days after the registration day. */
    public Instant deadline(Instant registeredAt, int workingDays) {
        return endOf(calendar.plusWorkingDays(localDate(registeredAt), workingDays));
    }

    /**
     * The start of the working day on which {@code workingDaysLeft} working days remain, counting that
     * day and the deadline's day: with 2, the start of the working day before the deadline's day.
     */
    public Instant warningAt(Instant deadline, int workingDaysLeft) {
        return startOf(calendar.plusWorkingDays(localDate(deadline), -(workingDaysLeft - 1)));
    }

    /** Working days left until the deadline, counting today while it is a working day; 0 once it passed. */
    public int workingDaysLeft(Instant now, Instant deadline) {
        if (!now.isBefore(deadline)) {
            return 0;
        }
        LocalDate today = localDate(now);
        int left = calendar.workingDaysBetween(today, localDate(deadline));
        return calendar.isWorkingDay(today) && now.isBefore(endOf(today)) ? left + 1 : left;
    }

    /**
     * Working days after {@code from}'s day up to and including {@code to}'s day, whatever the time of day:
     * how many working days of a term were used (for example before forwarding). Not for pauses: see
     * {@link #pausedWorkingDays}.
     */
    public int workingDaysBetween(Instant from, Instant to) {
        return calendar.workingDaysBetween(localDate(from), localDate(to));
    }

    /** Time inside working hours of working days between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (LocalDate day = localDate(from); !day.isAfter(localDate(to)); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                Instant start = max(startOf(day), from);
                Instant end = min(endOf(day), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * How many working days a paused clock moves the deadline on: the working time inside the pause, rounded
     * up to whole working days. Only working time counts, so a pause that starts before opening gives back
     * that whole day, and one that ends before opening gives back nothing of that day. Rounding up keeps
     * every deadline at the end of a working day (a term counted in days ends with its last day) and never
     * takes from the department working time it had left when the pause began.
     */
    public int pausedWorkingDays(Instant pausedAt, Instant resumedAt) {
        long seconds = workingTimeBetween(pausedAt, resumedAt).toSeconds();
        long day = Duration.between(workdayStart, workdayEnd).toSeconds();
        return (int) ((seconds + day - 1) / day);
    }

    /** The deadline moved on by {@code workingDays}, still ending with a working day. */
    public Instant shift(Instant deadline, int workingDays) {
        return endOf(calendar.plusWorkingDays(localDate(deadline), workingDays));
    }

    /**
     * When a term set to end at {@code chosen} ends: at the end of that day's working hours, or of the next working
     * day when that day is not one (APPK Article 10, as in {@link #latestExtendedDeadline}). A term counted in days
     * ends with its last day, whatever time of day was named; and a department that picks a Saturday has until
     * Monday's close, not until a breach on the Saturday.
     */
    public Instant termEnd(Instant chosen) {
        return closeOfWorkingDayFrom(localDate(chosen));
    }

    /**
     * The latest deadline a motivated extension may set: two calendar months after registration, on the
     * same day of the month (the month's last day when it has no such day), moved to the next working day
     * when that day is not one. APPK Article 10 (computing terms): a term counted in months ends on the
     * corresponding day of its last month, and a term whose last day falls on a non-working day ends on the
     * next working day after it.
     */
    public Instant latestExtendedDeadline(Instant registeredAt) {
        return closeOfWorkingDayFrom(localDate(registeredAt).plusMonths(2));
    }

    /** The close of {@code day}, or of the next working day when it is not one. */
    private Instant closeOfWorkingDayFrom(LocalDate day) {
        return endOf(calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant startOf(LocalDate day) {
        return day.atTime(workdayStart).atZone(zone).toInstant();
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(workdayEnd).atZone(zone).toInstant();
    }
}
