package kz.hearingstate.intake.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Dates as the page's language writes them, spelled out here: browsers and JDKs disagree on Kazakh (some write
 * "2026 M12 3"). Kazakh: "2026 жылғы 3 желтоқсан" (year first, as Kazakh writes it); Russian: "3 декабря 2026";
 * English: "3 December 2026". Times
 * are Almaty's, in 24 hours.
 */
final class PortalDates {

    private static final List<String> KK = List.of("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде",
            "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан");
    private static final List<String> RU = List.of("января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря");
    private static final List<String> EN = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    private final ZoneId zone;

    PortalDates(ZoneId zone) {
        this.zone = zone;
    }

    String date(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(zone);
        String month = months(locale).get(local.getMonthValue() - 1);
        if (locale.getLanguage().equals("kk")) {
            return local.getYear() + " жылғы " + local.getDayOfMonth() + " " + month;
        }
        return local.getDayOfMonth() + " " + month + " " + local.getYear();
    }

    String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(zone);
        return date(instant, locale) + ", " + "%02d:%02d".formatted(local.getHour(), local.getMinute());
    }

    /** For {@code <time datetime>}: the local date in ISO form. */
    String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(zone).toLocalDate().toString();
    }

    private static List<String> months(Locale locale) {
        return switch (locale.getLanguage()) {
            case "kk" -> KK;
            case "ru" -> RU;
            default -> EN;
        };
    }
}
