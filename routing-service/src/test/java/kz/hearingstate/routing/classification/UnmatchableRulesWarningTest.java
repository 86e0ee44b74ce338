package kz.hearingstate.routing.classification;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

@ExtendWith(OutputCaptureExtension.class)
class UnmatchableRulesWarningTest {

    private static OverrideRule rule(String id, String pattern) {
        return new OverrideRule(id, pattern, "anti-corruption", null, 1, true, "admin", Instant.EPOCH);
    }

    @Test
    void givenStoredRulesJavaReadOtherwise_whenRoutingStarts_thenEachIsNamedByIdAndNoPatternIsLogged(CapturedOutput output) {
        // The store is MongoDB's (RoutingReadsIntegrationTest); here only what is said of what it holds.
        OverrideRuleStore store = mock(OverrideRuleStore.class);
        when(store.all()).thenReturn(List.of(
                rule("look-behind", "(?<=пара)сы"),         // not RE2's: matches nothing
                rule("unicode-boundary", "\\bвзятк"),       // Java's \b saw Cyrillic words; RE2's does not
                rule("ungreedy", "(?iU)пара"),                // RE2's U changes what a match spans, not whether there is one
                rule("fine", "(?:^| )взятк")));
        new UnmatchableRulesWarning(store).warn();

        assertThat(output).contains("Override rule look-behind matches nothing", "Override rule unicode-boundary does not match as meant");
        assertThat(output).doesNotContain("Override rule fine", "Override rule ungreedy", "взятк", "пара");
    }
}
