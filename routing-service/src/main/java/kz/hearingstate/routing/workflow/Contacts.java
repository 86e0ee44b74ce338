package kz.hearingstate.routing.workflow;

/** Masks a citizen's contact for roles that may know that one exists, but not what it is. */
public final class Contacts {

    private Contacts() {
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

    /** "+77010000000" -> "+7*******00". */
    public static String phone(String value) {
        if (value == null || value.length() < 5) {
            return value == null ? null : "***";
        }
        return value.substring(0, 2) + "*".repeat(value.length() - 4) + value.substring(value.length() - 2);
    }

    /** "citizen@example.test" -> "c***@example.test". */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        return at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
    }

    /** The IIN is never needed to answer: always hidden but for the last two digits. */
    public static String iin(String value) {
        return value == null ? null : "*".repeat(Math.max(0, value.length() - 2)) + value.substring(Math.max(0, value.length() - 2));
    }
}
