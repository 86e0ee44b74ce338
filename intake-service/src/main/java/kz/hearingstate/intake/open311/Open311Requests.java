package kz.hearingstate.intake.open311;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.hearingstate.web.RequestedTime;
import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Location;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.config.IntakeProperties.Category;
import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.submission.AppealRequest;
import kz.hearingstate.web.CategoryNames;
import org.springframework.stereotype.Component;

/**
 * GeoReport v2 service requests as intake's appeals. A posted request becomes an ordinary appeal of the
 * key's channel: a REPORT in the category of its {@code service_code}. It is a named appeal when it
 * carries a name and a phone or e-mail (posting them is the client's declaration that the citizen
 * consented), otherwise anonymous, and then no contact data is kept at all.
 *
 * <p>Reads are public (no key) and show no personal data: no description, address, coordinates, media or
 * contact, only what the akimat did with the request. {@code expected_datetime} is the legal deadline once
 * routed. A request shows only once routed and never if it was with a confidential department
 * ({@link AppealStatusView#publiclyListed}), so a report of a bribe never appears, not even for the seconds
 * before routing. Times are given to the day (local midnight): the public needs the day, and an exact time
 * would help single out who wrote.
 */
@Component
class Open311Requests {

    static final int MAX_RESULTS = 1000;
    /** Ids one public read may list: each is a lookup, and the read needs no key. */
    static final int MAX_IDS = 50;
    static final int DEFAULT_DAYS = 90;

    private final CategoryCatalog categories;
    private final AppealStatusStore store;
    private final ZoneId zone;

    Open311Requests(CategoryCatalog categories, AppealStatusStore store, LegalClock legalClock) {
        this.categories = categories;
        this.store = store;
        this.zone = legalClock.zone();
    }

    AppealRequest toAppeal(Map<String, String> form) {
        String serviceCode = form.get("service_code");
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new Open311Exception(400, "service_code is required");
        }
        if (categories.find(serviceCode).isEmpty()) {
            throw new Open311Exception(404, "service_code " + serviceCode + " is not a service of this endpoint");
        }
        Double lat = number(form, "lat");
        Double lon = number(form, "long");
        String address = blankToNull(form.get("address_string"));
        if ((lat == null || lon == null) && address == null) {
            throw new Open311Exception(400, "a location is required: lat and long, or address_string");
        }
        String name = String.join(" ", nonBlank(form.get("first_name")), nonBlank(form.get("last_name"))).strip();
        String email = blankToNull(form.get("email"));
        String phone = blankToNull(form.get("phone"));
        boolean named = !name.isEmpty() && (email != null || phone != null);
        Citizen citizen = named ? new Citizen(name, null, phone, email,
                email != null ? ContactChannel.EMAIL : ContactChannel.SMS, null) : null;
        String mediaUrl = blankToNull(form.get("media_url"));
        return new AppealRequest(AppealType.REPORT, form.get("description"), null, null, serviceCode, citizen, !named,
                new Location(null, null, address, lat, lon),
                mediaUrl == null ? null : List.of(new Attachment(mediaUrl, null, null)),
                named, null);
    }

    List<Map<String, Object>> find(Map<String, String> query, Instant now, Locale locale) {
        String ids = blankToNull(query.get("service_request_id"));
        if (ids != null) {
            List<String> asked = Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
            if (asked.size() > MAX_IDS) {
                throw new Open311Exception(400, "service_request_id lists at most " + MAX_IDS + " ids");
            }
            List<Map<String, Object>> found = new ArrayList<>();
            for (String id : asked) {
                byTrackingCode(id).ifPresent(view -> found.add(representation(view, locale)));
            }
            return found;
        }
        String serviceCode = blankToNull(query.get("service_code"));
        Boolean closed = status(query.get("status"));
        // Whole days, as the times are shown: bounds to the millisecond would find each appeal's exact arrival by search.
        Instant end = dayBound(date(query, "end_date"), true);
        Instant start = dayBound(date(query, "start_date"), false);
        if (start == null) {
            start = dayBound((end != null ? end : now).minus(DEFAULT_DAYS, ChronoUnit.DAYS), false);
        }
        // Newest day first, and within a day by tracking code (random), not by the minute each came. A list cut at
        // MAX_RESULTS (newest first) would hold the latest arrivals of its oldest day: that day is left out whole,
        // unless it is the only one (a busier day than MAX_RESULTS: then its latest arrivals are what is shown).
        List<AppealStatusView> found = store.searchPublic(serviceCode, closed, start, end, MAX_RESULTS);
        LocalDate oldest = found.stream().map(view -> LocalDate.ofInstant(view.receivedAt(), zone)).min(Comparator.naturalOrder())
                .orElse(null);
        boolean severalDays = found.stream().anyMatch(view -> !LocalDate.ofInstant(view.receivedAt(), zone).equals(oldest));
        LocalDate cutDay = found.size() < MAX_RESULTS || !severalDays ? null : oldest;
        return found.stream()
                .filter(AppealStatusView::publiclyListed)
                .filter(view -> cutDay == null || !LocalDate.ofInstant(view.receivedAt(), zone).equals(cutDay))
                .sorted(Comparator.comparing((AppealStatusView view) -> LocalDate.ofInstant(view.receivedAt(), zone)).reversed()
                        .thenComparing(AppealStatusView::trackingCode))
                .map(view -> representation(view, locale))
                .toList();
    }

    Optional<AppealStatusView> byTrackingCode(String code) {
        return AppealIds.normalizeTrackingCode(code).flatMap(store::findByTrackingCode).filter(AppealStatusView::publiclyListed);
    }

    Optional<AppealStatusView> byToken(String token) {
        return Optional.ofNullable(token).filter(t -> t.length() <= 64).flatMap(store::findById)
                .filter(AppealStatusView::publiclyListed);
    }

    Map<String, Object> representation(AppealStatusView view, Locale locale) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", view.trackingCode());
        request.put("status", view.closed() ? "closed" : "open");
        request.put("status_notes", view.status() == null ? null : view.status().name());
        request.put("service_name", view.category() == null ? null : CategoryNames.name(view.category(), locale.getLanguage()));
        request.put("service_code", view.category());
        request.put("agency_responsible", view.department());
        request.put("service_notice", null);
        request.put("requested_datetime", day(view.receivedAt()));
        request.put("updated_datetime", day(view.updatedAt() != null ? view.updatedAt() : view.receivedAt()));
        request.put("expected_datetime", view.status() == AppealStatus.SUBMITTED ? null : day(view.deadline()));
        return request;
    }

    /** The local day of {@code time}, as a w3 date-time at its midnight ({@code 2026-12-03T00:00:00+05:00}). */
    private String day(Instant time) {
        return time == null ? null
                : LocalDate.ofInstant(time, zone).atStartOfDay(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A category's name in the language asked for, from the platform's one table (English for any other language). */
    static String name(Category category, Locale locale) {
        return CategoryNames.name(category.code(), locale.getLanguage());
    }

    private static Boolean status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> false;
            case "closed" -> true;
            case "open,closed", "closed,open" -> null;
            default -> throw new Open311Exception(400, "status must be open or closed");
        };
    }

    /** The start of the bound's day in the akimat's zone; for an end, of the next day unless the bound is midnight. */
    private Instant dayBound(Instant bound, boolean end) {
        if (bound == null) {
            return null;
        }
        Instant dayStart = LocalDate.ofInstant(bound, zone).atStartOfDay(zone).toInstant();
        return end && !dayStart.equals(bound) ? LocalDate.ofInstant(bound, zone).plusDays(1).atStartOfDay(zone).toInstant() : dayStart;
    }

    private static Instant date(Map<String, String> query, String name) {
        String value = blankToNull(query.get(name));
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(value);
            } catch (DateTimeParseException again) {
                instant = null;
            }
        }
        if (instant == null || !RequestedTime.isWithinFourDigitYears(instant)) {
            throw new Open311Exception(400, name + " must be a w3 date-time such as 2026-11-28T10:00:00+05:00");
        }
        return instant;
    }

    private static Double number(Map<String, String> form, String name) {
        String value = blankToNull(form.get(name));
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " must be a decimal number");
        }
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
