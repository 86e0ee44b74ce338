package kz.hearingstate.notification.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.hearingstate.events.ContactMasks;

/**
 * Masks personal data inside free text before it reaches an operator screen or an error note, as
 * {@link ContactMasks} masks a contact ({@code +7 *** *** ** 67}, {@code a***@mail.kz}, {@code **********34}); a log
 * line gets none of it ({@link #withoutContacts}), and a message's text no private link ({@link #withoutAccessSecrets}).
 */
public final class Masking {

    private static final String HIDDEN = "***";
    private static final String CONTACT = "<contact>";
    /**
     * An address's local part as intake takes it: anything but {@code @} and spaces ({@code ivan!petrov},
     * {@code "ivan petrov"} aside, {@code ivan(work)}), so whatever stands before it in a server's reply ({@code <} of
     * {@code <ivan@mail.kz>}, a URL's {@code ?to=}) is masked with it: more hidden, never less. At most 254 characters
     * (an address's longest), so a long token without an {@code @} costs a bounded look each. Letters of any script:
     * intake accepts internationalised addresses (айгерим@почта.қаз).
     */
    private static final String LOCAL_CHAR = "[^@\\s]";
    private static final String DOMAIN = "@[\\w-]+(\\.[\\w-]+)+";
    private static final Pattern EMAIL = Pattern.compile(LOCAL_CHAR + "{1,254}" + DOMAIN, Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{8,}\\d");
    private static final Pattern IIN = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");
    /** An address, masked or not: {@code aigerim@mail.kz}, {@code a***@mail.kz}, {@code ***@mail.kz}. */
    private static final Pattern ANY_EMAIL = Pattern.compile(LOCAL_CHAR + "{0,254}" + DOMAIN, Pattern.UNICODE_CHARACTER_CLASS);
    /** The secret of a citizen's private link (letters and digits), in the portal's page of the appeal or the API's. */
    private static final Pattern ACCESS_SECRET = Pattern.compile("(/portal/a/|/api/v1/appeals/access/)[0-9A-Za-z]+");
    /**
     * A number already masked by {@link ContactMasks#phone} or {@link ContactMasks#iin}, or in the older forms of the
     * error notes stored before (four digits shown: {@code +7 *** *** 45 67}, {@code ******1234}).
     */
    private static final Pattern MASKED_NUMBER = Pattern.compile(
            "(\\+7 )?\\*\\*\\* \\*\\*\\* (\\*\\*|\\d\\d) \\d\\d|\\*{10}\\d{2}|\\*{6}\\d{4}");

    /** Any e-mail address, phone number or IIN inside free text (an exception message, a gateway reply). */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = replace(EMAIL, text, ContactMasks::email);
        masked = replace(IIN, masked, ContactMasks::iin);
        return replace(PHONE, masked, ContactMasks::phone);
    }

    /**
     * Free text for a log line: every address, phone number or IIN, masked or not, replaced by {@code <contact>}. Even a
     * masked one says too much there: a department's masked mailbox next to a notification says where its appeal went.
     */
    public static String withoutContacts(String text) {
        if (text == null) {
            return null;
        }
        String plain = replace(ANY_EMAIL, text, found -> CONTACT);
        plain = replace(MASKED_NUMBER, plain, found -> CONTACT);
        plain = replace(IIN, plain, found -> CONTACT);
        return replace(PHONE, plain, found -> CONTACT);
    }

    /**
     * A message's text with the secret of every private link hidden ({@code /portal/a/***}): the link lets whoever holds it
     * act for the citizen, so it goes to the citizen alone and is kept nowhere after it went.
     */
    public static String withoutAccessSecrets(String text) {
        return text == null ? null : ACCESS_SECRET.matcher(text).replaceAll("$1" + HIDDEN);
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(mask.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Masking() {
    }
}
