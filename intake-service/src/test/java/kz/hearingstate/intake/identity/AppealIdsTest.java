package kz.hearingstate.intake.identity;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppealIdsTest {

    @Test
    void givenTheSameChannelAndKey_whenDerivedTwice_thenTheSameVersion5Uuid() {
        String first = AppealIds.fromIdempotencyKey("web-portal", "order-42");

        assertThat(AppealIds.fromIdempotencyKey("web-portal", "order-42")).isEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(5);
        assertThat(AppealIds.fromIdempotencyKey("mobile-app", "order-42")).isNotEqualTo(first);
        assertThat(AppealIds.fromExternalId("web-portal", "order-42")).isNotEqualTo(first);
    }

    @Test
    void givenAnAppealId_whenItsTrackingCodeIsMade_thenShortUnambiguousAndStable() {
        String appealId = AppealIds.random();
        String code = AppealIds.trackingCode(appealId);

        assertThat(code).matches("ZH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(AppealIds.trackingCode(appealId)).isEqualTo(code);
        assertThat(AppealIds.normalizeTrackingCode(code)).contains(code);
    }

    @Test
    void givenAnyOneCharacterMistyped_whenNormalized_thenTheCheckCharacterRejectsIt() {
        for (int sample = 0; sample < 200; sample++) {
            String code = AppealIds.trackingCode(AppealIds.random());
            String compact = code.substring(3).replace("-", "");
            for (int position = 0; position < compact.length(); position++) {
                for (char replacement : AppealIds.ALPHABET.toCharArray()) {
                    if (replacement == compact.charAt(position)) {
                        continue;
                    }
                    String typo = "ZH" + compact.substring(0, position) + replacement + compact.substring(position + 1);
                    assertThat(AppealIds.normalizeTrackingCode(typo)).as(typo).isEmpty();
                }
            }
        }
    }

    @Test
    void givenACodeAsPeopleTypeIt_whenNormalized_thenCaseSpacesAndLookAlikesDoNotMatter() {
        String code = AppealIds.trackingCode(AppealIds.random());
        String typed = " " + code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'i') + " ";

        assertThat(AppealIds.normalizeTrackingCode(typed)).contains(code);
        assertThat(AppealIds.normalizeTrackingCode("ZH-<script>")).isEmpty();
        assertThat(AppealIds.normalizeTrackingCode(null)).isEmpty();
    }

    @Test
    void givenHundredThousandAppeals_whenCoded_thenNoTwoShareACode() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            codes.add(AppealIds.trackingCode(AppealIds.random()));
        }
        assertThat(codes).hasSize(100_000);
    }
}
