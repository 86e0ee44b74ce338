package kz.hearingstate.intake.submission;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IinValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "900101400003, VALID",          // first pass gives the check digit
            "850512300129, VALID",
            "000225501232, VALID",          // born 2000
            "751231304562, VALID",
            "900101400004, BAD_CHECKSUM",
            "900101400030, BAD_CHECKSUM",   // two digits swapped
            "90010140000, MALFORMED",
            "90010140000A, MALFORMED",
            "'', MALFORMED",
            "901301400003, BAD_BIRTH_DATE", // month 13
            "900230400003, BAD_BIRTH_DATE", // 30 February
            "900101000003, BAD_BIRTH_DATE", // century digit 0
            "900101700003, BAD_BIRTH_DATE", // century digit 7
            "990101500003, BAD_BIRTH_DATE"  // born in 2099
    })
    void givenAnIin_whenChecked_thenItsChecksumAndBirthDateDecide(String iin, IinValidator.Result expected) {
        assertThat(IinValidator.check(iin, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "900101400404, VALID",          // first pass gives 10; the second pass gives 4
            "900101400400, BAD_CHECKSUM",   // the first pass's 10 is never a digit
            "900101400430, BAD_CHECKSUM",   // both passes give 10: never issued
            "900101400431, BAD_CHECKSUM"
    })
    void givenAnIinWhoseFirstPassGivesTen_whenChecked_thenTheSecondWeightsDecide(String iin, IinValidator.Result expected) {
        assertThat(IinValidator.check(iin, TODAY)).isEqualTo(expected);
    }
}
