package kz.hearingstate.analytics.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import kz.hearingstate.analytics.figures.Interval;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.web.RequestedTime;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.problem.ProblemType;

/**
 * Parses and checks the query parameters of the stats endpoints, collecting every problem before
 * failing, so one 400 answer names all of them. A time is an ISO-8601 instant
 * ({@code 2026-03-01T00:00:00Z}) or a date ({@code 2026-03-01}, the start of that day in the zone), of a four-digit
 * year ({@link RequestedTime}); a period is of whole days ({@link #period}).
 */
class QueryParameters {

    private static final Pattern DEPARTMENT_CODE = Pattern.compile("^[a-z][a-z0-9-]{1,40}$");
    /** Category and channel codes, settlement names, language codes: letters of any script, digits, - _ . and spaces. */
    private static final Pattern DIMENSION_VALUE = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,79}$");

    private final ZoneId zone;
    private final List<FieldViolation> problems = new ArrayList<>();

    QueryParameters(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Whole days in the zone: from the start of {@code from}'s day to the end of {@code to}'s (unless {@code to} is a
     * midnight). Public figures need no finer period, and bounds to the millisecond would let a search find the minute
     * each appeal came.
     */
    Period period(String from, String to) {
        Instant start = instant("from", from).map(this::startOfDay).orElse(Period.BEGINNING);
        Instant end = instant("to", to).map(bound -> startOfDay(bound).equals(bound) ? bound
                : LocalDate.ofInstant(bound, zone).plusDays(1).atStartOfDay(zone).toInstant()).orElse(Period.END);
        if (!start.isBefore(end)) {
            problems.add(FieldViolation.of("to", "after-from"));
        }
        return new Period(start, end);
    }

    /**
     * The period of a time series, within its interval's longest ({@link Interval#maxDays}): without {@code from} it
     * is that long, up to {@code to} (or the end of today); with both, a longer one is a problem of {@code from}.
     */
    Period seriesPeriod(Period asked, Interval interval, Instant now) {
        if (interval == null) {
            return asked;
        }
        Instant end = asked.to().equals(Period.END)
                ? LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant() : asked.to();
        Instant earliest = LocalDate.ofInstant(end, zone).minusDays(interval.maxDays()).atStartOfDay(zone).toInstant();
        if (asked.from().equals(Period.BEGINNING)) {
            return new Period(earliest, end);
        }
        if (asked.from().isBefore(earliest)) {
            problems.add(FieldViolation.of("from", "period-too-long", interval.maxDays()));
        }
        return new Period(asked.from(), end);
    }

    private Instant startOfDay(Instant instant) {
        return LocalDate.ofInstant(instant, zone).atStartOfDay(zone).toInstant();
    }

    /** Records a problem found by the caller. */
    void problem(String field, String code) {
        problems.add(FieldViolation.of(field, code));
    }

    Optional<Instant> instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant instant = value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(zone).toInstant();
            if (RequestedTime.isWithinFourDigitYears(instant)) {
                return Optional.of(instant);
            }
        } catch (DateTimeException e) { // unparseable, or a date with no instant in this zone
        }
        problems.add(FieldViolation.of(field, "instant-or-date"));
        return Optional.empty();
    }

    String department(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!DEPARTMENT_CODE.matcher(value).matches()) {
            problems.add(FieldViolation.of("department", "department-code"));
            return null;
        }
        return value;
    }

    /** An optional filter value of a free-text dimension (category, channel, settlement, language). */
    String dimension(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!DIMENSION_VALUE.matcher(value).matches()) {
            problems.add(FieldViolation.of(field, "dimension-value"));
            return null;
        }
        return value;
    }

    /** A required choice among {@code allowed}. */
    <T> T choice(String field, String value, Function<String, Optional<T>> parse, String allowed) {
        if (value == null || value.isBlank()) {
            problems.add(FieldViolation.of(field, "required-one-of", allowed));
            return null;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(FieldViolation.of(field, "one-of", allowed));
        }
        return parsed.orElse(null);
    }

    /** @throws ApiException validation-failed naming every wrong parameter */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, problems);
        }
    }
}
