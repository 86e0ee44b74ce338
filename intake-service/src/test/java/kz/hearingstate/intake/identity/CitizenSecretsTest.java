package kz.hearingstate.intake.identity;

import java.nio.file.Files;
import java.nio.file.Path;

import kz.hearingstate.web.Hashing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenSecretsTest {

    private static final String APPEAL_ID = AppealIds.fromIdempotencyKey("demo-portal", "form-7f3a");

    @Test
    void givenOneKey_whenTheSecretOfAnAppealIsComputedTwice_thenItIsTheSame120BitCode() {
        CitizenSecrets secrets = new CitizenSecrets("k".repeat(32));

        assertThat(secrets.secretOf(APPEAL_ID)).isEqualTo(secrets.secretOf(APPEAL_ID)).matches("[0-9a-hjkmnp-tv-z]{24}");
        assertThat(secrets.secretOf(APPEAL_ID)).isNotEqualTo(secrets.secretOf(AppealIds.random()));
    }

    @Test
    void givenTheSameKeyAndAppeal_whenTheSecretIsComputedAgain_thenItIsTheOneAlreadySentToTheCitizen() {
        // Private links already mailed carry this secret: a change of how it is computed would break them.
        assertThat(new CitizenSecrets("k".repeat(32)).secretOf(APPEAL_ID)).isEqualTo("73tftsg38mgfc47b7svgqsp1");
    }

    @Test
    void givenEverythingPublicAboutAnAppeal_whenAnotherKeyIsUsed_thenTheSecretDiffers() {
        String withServerKey = new CitizenSecrets("the-servers-own-random-key-0123456789").secretOf(APPEAL_ID);
        String guessed = new CitizenSecrets("an-attackers-guess-of-the-key-0123456").secretOf(APPEAL_ID);

        assertThat(guessed).isNotEqualTo(withServerKey);
        assertThat(withServerKey).doesNotContain(AppealIds.trackingCode(APPEAL_ID).replace("-", "").toLowerCase().substring(2, 8));
    }

    @Test
    void givenWhatACitizenSent_whenItsDigestIsKept_thenItCannotBeComputedWithoutTheKeyNorMatchedAcrossAppeals() {
        CitizenSecrets secrets = new CitizenSecrets("k".repeat(32));
        String rating = "5|true|-";

        assertThat(secrets.digestOf(APPEAL_ID, "rating:4", rating)).isEqualTo(secrets.digestOf(APPEAL_ID, "rating:4", rating))
                .hasSize(64)
                .isNotEqualTo(Hashing.sha256Hex(rating))
                .isNotEqualTo(new CitizenSecrets("another-key-of-thirty-two-chars!!").digestOf(APPEAL_ID, "rating:4", rating))
                .isNotEqualTo(secrets.digestOf("another-appeal", "rating:4", rating))
                .isNotEqualTo(secrets.digestOf(APPEAL_ID, "rating:6", rating));
    }

    @Test
    void givenNoKeyOrAShortOne_whenIntakeStarts_thenItRefusesToRun() {
        assertThatThrownBy(() -> new CitizenSecrets((String) null)).hasMessageContaining("CITIZEN_ACCESS_KEY");
        assertThatThrownBy(() -> new CitizenSecrets("short")).hasMessageContaining("at least 32");
    }

    @Test
    void givenTheExamplesPlaceholder_whenIntakeStarts_thenItRefusesToRunThoughItIsLongEnough() throws Exception {
        // The test runs in intake-service/: the example is the repository's.
        String example = Files.readAllLines(Path.of("../docker/env/compose.env.example")).stream()
                .filter(line -> line.startsWith("CITIZEN_ACCESS_KEY=")).findFirst().orElseThrow()
                .substring("CITIZEN_ACCESS_KEY=".length());
        assertThat(example.length()).isGreaterThanOrEqualTo(CitizenSecrets.KEY_MIN_LENGTH);
        for (String placeholder : new String[] {example, "changeme-" + "x".repeat(40), "my-CHANGE-ME-key-with-40-characters-xxxxx"}) {
            assertThatThrownBy(() -> new CitizenSecrets(placeholder)).as(placeholder).hasMessageContaining("CHANGE-ME");
        }
    }

    @Test
    void givenASecretAsPasted_whenNormalized_thenCaseIsIgnoredAndAnythingElseIsNoSecret() {
        String secret = new CitizenSecrets("k".repeat(32)).secretOf(APPEAL_ID);

        assertThat(CitizenSecrets.normalize(secret.toUpperCase())).contains(secret);
        assertThat(CitizenSecrets.normalize("ZH-0000-0000-00000")).isEmpty();
        assertThat(CitizenSecrets.normalize("{\"$gt\":\"\"}")).isEmpty();
        assertThat(CitizenSecrets.lookupHash(secret)).hasSize(64).doesNotContain(secret);
    }
}
