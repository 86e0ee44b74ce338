package kz.hearingstate.intake.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Location;
import kz.hearingstate.web.problem.FieldViolation;

/**
 * Every field rule of an appeal, as a plain function from request to violations. Coordinates must lie in
 * Kazakhstan's bounding box (the same box the event schema enforces).
 */
public final class AppealValidator {

    public static final int TEXT_MIN = 10;
    /** Letters (Unicode category L) a text must hold: 20 NUL or zero-width characters say nothing. */
    public static final int TEXT_MIN_LETTERS = 3;
    public static final int TEXT_MAX = 10_000;
    public static final int SUBJECT_MAX = 200;
    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int PLACE_MAX = 200;
    public static final int ADDRESS_MAX = 500;
    public static final int ATTACHMENTS_MAX = 10;
    public static final int URL_MAX = 2048;
    public static final int ATTACHMENT_NAME_MAX = 255;
    public static final int ID_MAX = 128;
    public static final double LAT_MIN = 40.5;
    public static final double LAT_MAX = 55.5;
    public static final double LON_MIN = 46.4;
    public static final double LON_MAX = 87.4;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    private static final Pattern PRINTABLE_ID = Pattern.compile("[\\x21-\\x7E]+");
    /**
     * Control (CR, LF, NUL...) and format characters (zero-width, direction overrides): refused in one-line
     * fields that end up in e-mail subjects, headers and lists, where they inject lines or reverse the text.
     */
    private static final Pattern CONTROL_OR_FORMAT = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private final Set<String> categories;

    public AppealValidator(Set<String> categories) {
        this.categories = Set.copyOf(categories);
    }

    public List<FieldViolation> violations(AppealRequest appeal, LocalDate today) {
        List<FieldViolation> found = new ArrayList<>();
        if (appeal.type() == null) {
            found.add(FieldViolation.of("type", "required"));
        }
        if (appeal.text() == null || appeal.text().isBlank()) {
            found.add(FieldViolation.of("text", "required"));
        } else if (appeal.text().codePoints().filter(Character::isLetter).count() < TEXT_MIN_LETTERS) {
            found.add(FieldViolation.of("text", "too-few-letters", TEXT_MIN_LETTERS));
        } else {
            length(found, "text", appeal.text().strip(), TEXT_MIN, TEXT_MAX);
        }
        oneLine(found, "subject", appeal.subject(), SUBJECT_MAX);
        if (appeal.categoryHint() != null && !categories.contains(appeal.categoryHint())) {
            found.add(FieldViolation.of("categoryHint", "category-unknown"));
        }
        if (appeal.externalId() != null && !isPrintableId(appeal.externalId())) {
            found.add(FieldViolation.of("externalId", "id-format", ID_MAX));
        }
        if (!appeal.isAnonymous()) {
            citizen(found, appeal.citizen(), today);
            if (!Boolean.TRUE.equals(appeal.consentToDataProcessing())) {
                found.add(FieldViolation.of("consentToDataProcessing", "consent-required"));
            }
        }
        location(found, appeal.location());
        attachments(found, appeal.attachments());
        return found;
    }

    /** Idempotency keys and external ids: 1 to 128 printable ASCII characters. */
    public static boolean isPrintableId(String id) {
        return id.length() <= ID_MAX && PRINTABLE_ID.matcher(id).matches();
    }

    private static void citizen(List<FieldViolation> found, Citizen citizen, LocalDate today) {
        if (citizen == null) {
            found.add(FieldViolation.of("citizen", "citizen-required"));
            return;
        }
        if (citizen.fullName() == null || citizen.fullName().isBlank()) {
            found.add(FieldViolation.of("citizen.fullName", "required"));
        } else {
            oneLine(found, "citizen.fullName", citizen.fullName(), NAME_MAX);
        }
        if (citizen.iin() != null) {
            switch (IinValidator.check(citizen.iin(), today)) {
                case MALFORMED -> found.add(FieldViolation.of("citizen.iin", "iin-format"));
                case BAD_BIRTH_DATE -> found.add(FieldViolation.of("citizen.iin", "iin-birth-date"));
                case BAD_CHECKSUM -> found.add(FieldViolation.of("citizen.iin", "iin-checksum"));
                case VALID -> { }
            }
        }
        if (citizen.phone() != null && !E164.matcher(citizen.phone()).matches()) {
            found.add(FieldViolation.of("citizen.phone", "phone-format"));
        }
        if (citizen.email() != null
                && (citizen.email().length() > EMAIL_MAX || !EMAIL.matcher(citizen.email()).matches())) {
            found.add(FieldViolation.of("citizen.email", "email-format"));
        }
        if (citizen.phone() == null && citizen.email() == null) {
            found.add(FieldViolation.of("citizen", "contact-required"));
        }
        if (citizen.preferredContact() == ContactChannel.SMS && citizen.phone() == null) {
            found.add(FieldViolation.of("citizen.phone", "required-for-sms"));
        }
        if (citizen.preferredContact() == ContactChannel.EMAIL && citizen.email() == null) {
            found.add(FieldViolation.of("citizen.email", "required-for-email"));
        }
    }

    private static void location(List<FieldViolation> found, Location location) {
        if (location == null) {
            return;
        }
        length(found, "location.district", location.district(), 0, PLACE_MAX);
        length(found, "location.settlement", location.settlement(), 0, PLACE_MAX);
        length(found, "location.address", location.address(), 0, ADDRESS_MAX);
        if ((location.lat() == null) != (location.lon() == null)) {
            found.add(FieldViolation.of("location", "coordinates-pair"));
        } else if (location.lat() != null
                && (location.lat() < LAT_MIN || location.lat() > LAT_MAX
                || location.lon() < LON_MIN || location.lon() > LON_MAX)) {
            found.add(FieldViolation.of("location", "outside-kazakhstan"));
        }
    }

    /** The attachment rules, shared with the citizen's replies. */
    public static List<FieldViolation> attachmentViolations(List<Attachment> attachments) {
        List<FieldViolation> found = new ArrayList<>();
        attachments(found, attachments);
        return found;
    }

    private static void attachments(List<FieldViolation> found, List<Attachment> attachments) {
        if (attachments == null) {
            return;
        }
        if (attachments.size() > ATTACHMENTS_MAX) {
            found.add(FieldViolation.of("attachments", "too-many", ATTACHMENTS_MAX));
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String path = "attachments[" + i + "]";
            if (attachment == null) {
                found.add(FieldViolation.of(path, "required"));
                continue;
            }
            if (!isHttpUrl(attachment.url())) {
                found.add(FieldViolation.of(path + ".url", "url-format", URL_MAX));
            }
            length(found, path + ".name", attachment.name(), 0, ATTACHMENT_NAME_MAX);
            if (attachment.contentType() != null && !MEDIA_TYPE.matcher(attachment.contentType()).matches()) {
                found.add(FieldViolation.of(path + ".contentType", "media-type-format"));
            }
        }
    }

    static boolean isHttpUrl(String url) {
        if (url == null || url.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A name or subject: at most {@code max} characters on one line, no control or format characters. */
    private static void oneLine(List<FieldViolation> found, String field, String value, int max) {
        if (value != null && CONTROL_OR_FORMAT.matcher(value).find()) {
            found.add(FieldViolation.of(field, "control-characters"));
            return;
        }
        length(found, field, value, 0, max);
    }

    private static void length(List<FieldViolation> found, String field, String value, int min, int max) {
        if (value == null) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            found.add(FieldViolation.of(field, "length", min, max));
        }
    }
}
