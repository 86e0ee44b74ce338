package kz.hearingstate.intake.submission;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Location;
import kz.hearingstate.web.problem.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppealValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private final AppealValidator validator = new AppealValidator(Set.of("water-supply"));

    private static final Citizen CITIZEN = new Citizen("Айгерим Сапарова", "900101400003", "+77011234567", null,
            ContactChannel.SMS, null);

    private static AppealRequest appeal(Citizen citizen, Boolean anonymous, Location location, List<Attachment> attachments,
            Boolean consent) {
        return new AppealRequest(AppealType.COMPLAINT, "Нет воды на улице Абая третий день.", null, null, "water-supply",
                citizen, anonymous, location, attachments, consent, null);
    }

    private List<String> fields(AppealRequest appeal) {
        return validator.violations(appeal, TODAY).stream().map(FieldViolation::field).toList();
    }

    @Test
    void givenACompleteNamedAppeal_whenValidated_thenNoViolation() {
        assertThat(fields(appeal(CITIZEN, false, new Location("Жамбылский", "Узынагаш", "Абая 12", 43.22, 76.82),
                List.of(new Attachment("https://files.example.kz/a.jpg", "a.jpg", "image/jpeg")), true))).isEmpty();
    }

    @Test
    void givenAnAnonymousAppealWithoutCitizenOrConsent_whenValidated_thenItIsAccepted() {
        assertThat(fields(appeal(null, true, null, null, null))).isEmpty();
    }

    @Test
    void givenANamedAppealWithoutConsent_whenValidated_thenConsentIsRequired() {
        assertThat(fields(appeal(CITIZEN, false, null, null, false))).containsExactly("consentToDataProcessing");
    }

    @Test
    void givenCoordinatesAtKazakhstansCornersAndJustOutside_whenValidated_thenOnlyTheInsideOnesPass() {
        assertThat(fields(appeal(CITIZEN, false, new Location(null, null, null, 40.5, 46.4), null, true))).isEmpty();
        assertThat(fields(appeal(CITIZEN, false, new Location(null, null, null, 55.5, 87.4), null, true))).isEmpty();
        assertThat(fields(appeal(CITIZEN, false, new Location(null, null, null, 40.49, 76.0), null, true))).containsExactly("location");
        assertThat(fields(appeal(CITIZEN, false, new Location(null, null, null, 43.0, 87.41), null, true))).containsExactly("location");
    }

    @Test
    void givenTenAttachmentsThenEleven_whenValidated_thenOnlyElevenIsTooMany() {
        Attachment photo = new Attachment("http://files.example.kz/a.jpg", null, null);
        assertThat(fields(appeal(CITIZEN, false, null, Collections.nCopies(10, photo), true))).isEmpty();
        assertThat(fields(appeal(CITIZEN, false, null, Collections.nCopies(11, photo), true))).containsExactly("attachments");
    }

    @Test
    void givenAttachmentUrlsOfOtherSchemes_whenValidated_thenOnlyHttpAndHttpsPass() {
        assertThat(AppealValidator.isHttpUrl("https://files.example.kz/a.pdf")).isTrue();
        assertThat(AppealValidator.isHttpUrl("HTTP://files.example.kz/a.pdf")).isTrue();
        assertThat(AppealValidator.isHttpUrl("ftp://files.example.kz/a.pdf")).isFalse();
        assertThat(AppealValidator.isHttpUrl("javascript:alert(1)")).isFalse();
        assertThat(AppealValidator.isHttpUrl("https:///no-host")).isFalse();
        assertThat(AppealValidator.isHttpUrl("https://example.kz/" + "a".repeat(2100))).isFalse();
    }

    @Test
    void givenTextAtTheLengthLimits_whenValidated_thenTenAndTenThousandCodePointsPass() {
        AppealRequest shortest = new AppealRequest(AppealType.INQUIRY, "ә".repeat(10), null, null, null, null, true, null, null, null, null);
        AppealRequest longest = new AppealRequest(AppealType.INQUIRY, "абв" + "😀".repeat(9_997), null, null, null, null, true, null, null, null, null);
        AppealRequest tooShort = new AppealRequest(AppealType.INQUIRY, "ә".repeat(9), null, null, null, null, true, null, null, null, null);

        assertThat(fields(shortest)).isEmpty();
        assertThat(fields(longest)).isEmpty();
        assertThat(fields(tooShort)).containsExactly("text");
    }

    @Test
    void givenEmailPreferredWithoutEmail_whenValidated_thenTheEmailIsRequired() {
        Citizen citizen = new Citizen("Айгерим", null, "+77011234567", null, ContactChannel.EMAIL, null);
        assertThat(fields(appeal(citizen, false, null, null, true))).containsExactly("citizen.email");
    }

    private List<String> fieldsOfText(String text, String subject, String fullName) {
        Citizen citizen = new Citizen(fullName, null, "+77011234567", null, ContactChannel.SMS, null);
        return fields(new AppealRequest(AppealType.COMPLAINT, text, subject, null, "water-supply", citizen, false, null,
                null, true, null));
    }

    @Test
    void givenATextOfTwentyNulCharacters_whenValidated_thenTheTextIsRefused() {
        assertThat(fieldsOfText("\u0000".repeat(20), null, "Айгерим Сапарова")).containsExactly("text");
    }

    @Test
    void givenATextOfOnlyZeroWidthAndDirectionOverrides_whenValidated_thenTheTextIsRefused() {
        assertThat(fieldsOfText("\u200B\u200C\u200D\u2060\uFEFF\u202E\u202D\u2066\u2067\u2069".repeat(2), null,
                "Айгерим Сапарова")).containsExactly("text");
    }

    @Test
    void givenTwoLettersHiddenAmongFormatCharacters_whenValidated_thenTheTextIsRefused() {
        assertThat(fieldsOfText("\u200Bа\u200B\u200B\u200Bб\u200B\u200B\u200B\u200B\u200B!!!", null,
                "Айгерим Сапарова")).containsExactly("text");
    }

    @Test
    void givenAShortTextOfRealWordsInEachLanguage_whenValidated_thenItPasses() {
        assertThat(fieldsOfText("Су жоқ, 12 үй.", null, "Айгерим Сапарова")).isEmpty();
        assertThat(fieldsOfText("Нет воды: д. 12", null, "Айгерим Сапарова")).isEmpty();
        assertThat(fieldsOfText("No water, #12\nplease", null, "Aigerim Saparova")).isEmpty();
    }

    @Test
    void givenCarriageReturnOrLineFeedInTheName_whenValidated_thenTheNameIsRefused() {
        assertThat(fieldsOfText("Нет воды на улице Абая третий день.", null, "Айгерим\r\nBcc: x@example.kz"))
                .containsExactly("citizen.fullName");
        assertThat(fieldsOfText("Нет воды на улице Абая третий день.", null, "Айгерим\u0000Сапарова"))
                .containsExactly("citizen.fullName");
    }

    @Test
    void givenControlOrDirectionCharactersInTheSubject_whenValidated_thenTheSubjectIsRefused() {
        assertThat(fieldsOfText("Нет воды на улице Абая третий день.", "Нет воды\r\nX-Injected: 1", "Айгерим Сапарова"))
                .containsExactly("subject");
        assertThat(fieldsOfText("Нет воды на улице Абая третий день.", "\u202Eадов тен", "Айгерим Сапарова"))
                .containsExactly("subject");
    }
}
