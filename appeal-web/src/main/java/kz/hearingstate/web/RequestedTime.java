package kz.hearingstate.web;

import java.time.Instant;

/**
 * A time a client asks about, such as a query's bound, holds a four-digit year (0001 to 9999). Java parses years
 * up to ±999,999,999; a bound that far out overflows the next day's arithmetic or MongoDB's milliseconds, which would
 * answer 500 instead of 400.
 */
public final class RequestedTime {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z"); // a day short, so a day's end fits

    private RequestedTime() {
    }

    public static boolean isWithinFourDigitYears(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
