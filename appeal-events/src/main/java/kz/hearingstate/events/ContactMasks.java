package kz.hearingstate.events;

/**
 * A citizen's contact masked, for readers who may know that one exists but not what it is (the workbench's specialist,
 * the admin's API view, notification's operator screen and error notes): one format everywhere, null for none.
 */
public final class ContactMasks {

    private static final String HIDDEN = "***";

    private ContactMasks() {
    }

    /** "Test Citizen" -> "T*** C******": the initials, so staff can tell two appeals apart. */
    public static String name(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : value.trim().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.appendCodePoint(word.codePointAt(0)).append("*".repeat(Math.max(1, word.codePointCount(0, word.length()) - 1)));
        }
        return masked.toString();
    }

    /**
     * "+7 701 123 45 67" -> "+7 *** *** ** 67": the last two digits, to tell two numbers apart. Kazakhstan's +7 is
     * kept (it tells an operator which gateway route was used); another country's code is hidden.
     */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return HIDDEN;
        }
        String countryCode = digits.length() == 11 && digits.startsWith("7") ? "+7 " : "";
        return countryCode + "*** *** ** " + digits.substring(digits.length() - 2);
    }

    /** "citizen@example.test" -> "c***@example.test". */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (at < 0) {
            return HIDDEN;
        }
        return (at > 0 ? value.substring(0, 1) : "") + HIDDEN + value.substring(at);
    }

    /** "900101301234" -> "**********34": the IIN is never needed to answer, and its first digits are a birth date. */
    public static String iin(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 4 ? HIDDEN : "*".repeat(value.length() - 2) + value.substring(value.length() - 2);
    }

    /** The citizen with name, IIN, phone and e-mail masked; the preferred channel and language kept. */
    public static Citizen of(Citizen citizen) {
        return citizen == null ? null : new Citizen(name(citizen.fullName()), iin(citizen.iin()), phone(citizen.phone()),
                email(citizen.email()), citizen.preferredContact(), citizen.language());
    }
}
