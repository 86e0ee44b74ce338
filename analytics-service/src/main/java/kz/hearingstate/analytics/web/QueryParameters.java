package kz.hearingstate.analytics.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.analytics.web.InvalidQueryException.FieldProblem;

/**
 * Parses and checks the query parameters of the stats endpoints, collecting every problem before
 * failing, so one 400 answer names all of them. A time is an ISO-8601 instant
 * ({@code 2026-03-01T00:00:00Z}) or a date ({@code 2026-03-01}, the start of that day in the zone).
 */
class QueryParameters {

    private static final Pattern DEPARTMENT_CODE = Pattern.compile("^[a-z][a-z0-9-]{1,40}$");
    /** Category and channel codes, settlement names, language codes: letters of any script, digits, - _ . and spaces. */
    private static final Pattern DIMENSION_VALUE = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,79}$");

    private final ZoneId zone;
    private final List<FieldProblem> problems = new ArrayList<>();

    QueryParameters(ZoneId zone) {
        this.zone = zone;
    }

    Period period(String from, String to) {
        Instant start = instant("from", from).orElse(Period.BEGINNING);
        Instant end = instant("to", to).orElse(Period.END);
        if (!start.isBefore(end)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        return new Period(start, end);
    }

    Optional<Instant> instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant (2026-03-01T00:00:00Z) or date (2026-03-01)"));
            return Optional.empty();
        }
    }

    String department(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!DEPARTMENT_CODE.matcher(value).matches()) {
            problems.add(new FieldProblem("department", "must be a department code such as roads or social-protection"));
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
            problems.add(new FieldProblem(field, "must be 1 to 80 letters, digits, spaces, '.', '_' or '-'"));
            return null;
        }
        return value;
    }

    /** A required choice among {@code allowed}. */
    <T> T choice(String field, String value, Function<String, Optional<T>> parse, String allowed) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required, one of " + allowed));
            return null;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(new FieldProblem(field, "must be one of " + allowed));
        }
        return parsed.orElse(null);
    }

    /** @throws InvalidQueryException when any parameter was wrong */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
    }
}
