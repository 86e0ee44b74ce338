package kz.hearingstate.clock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days are working days in Kazakhstan: weekends, public holidays (with the carry-over of a
 * holiday that falls on a weekend, except religious ones), and the days the government moves.
 * The data is a small text file (see {@code kazakhstan-calendar.txt}), so a new year's decree is a
 * configuration change, not a code change. Immutable and thread-safe.
 */
public final class WorkingCalendar {

    private static final String BUNDLED = "/kz/hearingstate/clock/kazakhstan-calendar.txt";

    private record Holiday(MonthDay everyYear, LocalDate once, boolean religious) {
        LocalDate in(int year) {
            if (once != null) {
                return once.getYear() == year ? once : null;
            }
            return everyYear.atYear(year);
        }
    }

    private final List<Holiday> holidays;
    private final Set<LocalDate> movedDaysOff;
    private final Set<LocalDate> movedWorkingDays;
    private final Map<Integer, Set<LocalDate>> daysOffByYear = new ConcurrentHashMap<>();

    private WorkingCalendar(List<Holiday> holidays, Set<LocalDate> movedDaysOff, Set<LocalDate> movedWorkingDays) {
        this.holidays = List.copyOf(holidays);
        this.movedDaysOff = Set.copyOf(movedDaysOff);
        this.movedWorkingDays = Set.copyOf(movedWorkingDays);
    }

    /** The calendar bundled with the platform. */
    public static WorkingCalendar kazakhstan() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(BUNDLED)) {
            return fromLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar from lines in the format of the bundled file; a malformed line is an error that names it. */
    public static WorkingCalendar fromLines(List<String> lines) {
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> daysOff = new HashSet<>();
        Set<LocalDate> workingDays = new HashSet<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                switch (parts[0]) {
                    case "holiday" -> {
                        boolean religious = parts.length > 2 && parts[2].equals("religious");
                        if (parts[1].length() == 5) {
                            holidays.add(new Holiday(MonthDay.parse("--" + parts[1]), null, religious));
                        } else {
                            holidays.add(new Holiday(null, LocalDate.parse(parts[1]), religious));
                        }
                    }
                    case "dayoff" -> daysOff.add(LocalDate.parse(parts[1]));
                    case "workday" -> workingDays.add(LocalDate.parse(parts[1]));
                    default -> throw new IllegalArgumentException("unknown entry '" + parts[0] + "'");
                }
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                throw new IllegalArgumentException("Calendar line " + number + " is malformed: " + raw, e);
            }
        }
        return new WorkingCalendar(holidays, daysOff, workingDays);
    }

    /**
     * The years among {@code today}'s and the next one whose one-year entries are missing: no dated
     * {@code holiday YYYY-MM-DD} line (Kurban Ait's first day moves with the lunar calendar, so every
     * year needs its own). Such a year is still computed, but with the feast counted as a working day,
     * so a deadline across it may come a day early.
     */
    public List<Integer> yearsMissingOneYearEntries(LocalDate today) {
        List<Integer> missing = new ArrayList<>();
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            int y = year;
            if (holidays.stream().noneMatch(h -> h.once() != null && h.once().getYear() == y)) {
                missing.add(year);
            }
        }
        return missing;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (movedWorkingDays.contains(date)) {
            return true;
        }
        if (movedDaysOff.contains(date) || isWeekend(date)) {
            return false;
        }
        return !daysOff(date.getYear()).contains(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first working day strictly before {@code date}. */
    public LocalDate previousWorkingDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The working day that is {@code days} working days after {@code date} (before it when negative). */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate day = date;
        for (int i = 0; i < Math.abs(days); i++) {
            day = days > 0 ? nextWorkingDay(day) : previousWorkingDay(day);
        }
        return day;
    }

    /** Working days in the interval (fromExclusive, toInclusive]; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Holidays of the year plus the weekdays their weekend occurrences are carried to. */
    private Set<LocalDate> daysOff(int year) {
        return daysOffByYear.computeIfAbsent(year, y -> {
            TreeSet<LocalDate> off = new TreeSet<>();
            List<Holiday> carried = new ArrayList<>();
            for (Holiday holiday : holidays) {
                LocalDate date = holiday.in(y);
                if (date != null) {
                    off.add(date);
                    if (!holiday.religious() && isWeekend(date)) {
                        carried.add(holiday);
                    }
                }
            }
            carried.sort((a, b) -> a.in(y).compareTo(b.in(y)));
            for (Holiday holiday : carried) {
                LocalDate day = holiday.in(y).plusDays(1);
                while (isWeekend(day) || off.contains(day) || movedDaysOff.contains(day)) {
                    day = day.plusDays(1);
                }
                off.add(day);
            }
            return Set.copyOf(off);
        });
    }
}
