package kz.hearingstate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** The services' clock keeps milliseconds, as MongoDB does, so an event rebuilt from its stored entity says the same. */
class ServiceClockTest {

    @Test
    void givenTheServicesClock_whenRead_thenItsInstantsAreWholeMillisecondsAndSurviveAStoreUnchanged() {
        Clock clock = new MessagingAutoConfiguration().clock();
        for (int i = 0; i < 1_000; i++) {
            Instant now = clock.instant();
            assertThat(now.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(now);
        }
    }
}
