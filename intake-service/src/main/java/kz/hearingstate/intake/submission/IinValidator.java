package kz.hearingstate.intake.submission;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Kazakhstan individual identification number (ЖСН/ИИН): {@code YYMMDD} birth date, a century and
 * sex digit (1-2: 1800s, 3-4: 1900s, 5-6: 2000s), four serial digits and a check digit.
 * The check digit is the weighted sum mod 11 with weights 1..11; when that gives 10, a second pass with
 * weights 3..11,1,2; when that also gives 10, the number is never issued.
 */
public final class IinValidator {

    public enum Result { VALID, MALFORMED, BAD_BIRTH_DATE, BAD_CHECKSUM }

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private IinValidator() {
    }

    public static Result check(String iin, LocalDate today) {
        if (iin == null || !iin.matches("[0-9]{12}")) {
            return Result.MALFORMED;
        }
        int[] digits = iin.chars().map(c -> c - '0').toArray();
        LocalDate birthDate = birthDate(digits);
        if (birthDate == null || birthDate.isAfter(today)) {
            return Result.BAD_BIRTH_DATE;
        }
        Integer check = checkDigit(digits);
        return check != null && check == digits[11] ? Result.VALID : Result.BAD_CHECKSUM;
    }

    /** The check digit for the first 11 digits, or null when no valid IIN can start with them. */
    static Integer checkDigit(int[] digits) {
        int check = weightedSum(digits, FIRST_WEIGHTS) % 11;
        if (check == 10) {
            check = weightedSum(digits, SECOND_WEIGHTS) % 11;
        }
        return check == 10 ? null : check;
    }

    private static int weightedSum(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum;
    }

    private static LocalDate birthDate(int[] d) {
        int century = switch (d[6]) {
            case 1, 2 -> 1800;
            case 3, 4 -> 1900;
            case 5, 6 -> 2000;
            default -> -1;
        };
        if (century < 0) {
            return null;
        }
        try {
            return LocalDate.of(century + d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
