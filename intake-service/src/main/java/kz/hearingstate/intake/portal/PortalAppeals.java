package kz.hearingstate.intake.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Location;
import kz.hearingstate.intake.submission.AppealRequest;
import kz.hearingstate.web.problem.FieldViolation;

/**
 * Between the portal's form and the channel API's appeal: the form becomes an {@link AppealRequest} (which
 * intake then checks with the same rules as any channel's), and each violation of those rules goes back to
 * the form field a person typed it in. Plain Java.
 */
final class PortalAppeals {

    /** The kinds a person chooses from: complaint, request (заявление), proposal, report. */
    static final List<AppealType> TYPES = List.of(AppealType.COMPLAINT, AppealType.STATEMENT, AppealType.PROPOSAL,
            AppealType.REPORT);

    /** The form's fields in the order they appear, so the first error is the first to fix. */
    static final List<String> FIELDS = List.of("type", "category", "text", "settlement", "coordinates", "anonymous",
            "fullName", "contact", "preferredContact", "language", "consent", "form");

    private PortalAppeals() {
    }

    /** The form's values that cannot even become an appeal (an unknown type, a coordinate that is no number). */
    static List<FieldViolation> formViolations(PortalForm form) {
        List<FieldViolation> found = new ArrayList<>();
        if (blank(form.getType())) {
            found.add(FieldViolation.of("type", "required"));
        } else if (type(form.getType()) == null) {
            found.add(FieldViolation.of("type", "choose"));
        }
        if ((!blank(form.getLat()) && number(form.getLat()) == null) || (!blank(form.getLon()) && number(form.getLon()) == null)) {
            found.add(FieldViolation.of("coordinates", "number"));
        }
        return found;
    }

    static AppealRequest toRequest(PortalForm form, Language pageLanguage) {
        Location location = blank(form.getSettlement()) && blank(form.getLat()) && blank(form.getLon()) ? null
                : new Location(null, trimmed(form.getSettlement()), null, number(form.getLat()), number(form.getLon()));
        Citizen citizen = null;
        if (!form.isAnonymous()) {
            String contact = trimmed(form.getContact());
            boolean email = contact != null && contact.contains("@");
            citizen = new Citizen(trimmed(form.getFullName()), null, email ? null : phone(contact), email ? contact : null,
                    "SMS".equals(form.getPreferredContact()) ? ContactChannel.SMS : ContactChannel.EMAIL,
                    language(form.getLanguage(), pageLanguage));
        }
        return new AppealRequest(type(form.getType()), form.getText(), null, null, trimmed(form.getCategory()), citizen,
                form.isAnonymous(), location, null, form.isAnonymous() ? null : form.isConsent(), null);
    }

    /**
     * Each violation under the form field it belongs to, the first per field only (one message next to a field
     * is read; three are not). Violations of fields the form has no input for go under {@code form}.
     */
    static Map<String, FieldViolation> byFormField(List<FieldViolation> violations) {
        Map<String, FieldViolation> byField = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            byField.putIfAbsent(formField(violation.field()), violation);
        }
        Map<String, FieldViolation> ordered = new LinkedHashMap<>();
        FIELDS.stream().filter(byField::containsKey).forEach(field -> ordered.put(field, byField.get(field)));
        return ordered;
    }

    static String formField(String apiField) {
        return switch (apiField) {
            case "type", "text" -> apiField;
            case "categoryHint" -> "category";
            case "citizen.fullName" -> "fullName";
            case "citizen", "citizen.phone", "citizen.email" -> "contact";
            case "consentToDataProcessing" -> "consent";
            case "location.settlement" -> "settlement";
            case "location", "location.lat", "location.lon", "coordinates" -> "coordinates";
            default -> "form";
        };
    }

    /** A phone as people write it in Kazakhstan (8 701 123 45 67, +7 (701) 123-45-67) in E.164; anything else as typed. */
    static String phone(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s()\\-.]", "");
        if (digits.matches("8[0-9]{10}")) {
            return "+7" + digits.substring(1);
        }
        if (digits.matches("7[0-9]{10}")) {
            return "+" + digits;
        }
        return digits;
    }

    private static Language language(String chosen, Language pageLanguage) {
        for (Language language : Language.values()) {
            if (language.name().equals(chosen)) {
                return language;
            }
        }
        return pageLanguage;
    }

    static AppealType type(String value) {
        return TYPES.stream().filter(type -> type.name().equals(value)).findFirst().orElse(null);
    }

    private static Double number(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip().replace(',', '.'));
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
