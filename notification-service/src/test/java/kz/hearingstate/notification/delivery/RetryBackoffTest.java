package kz.hearingstate.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final Duration initial = Duration.ofSeconds(5);

    @Test
    void givenSuccessiveFailures_whenNoJitter_thenWaitGrowsByTheMultiplierUpToTheCap() {
        RetryBackoff longest = new RetryBackoff(initial, 3.0, Duration.ofMinutes(1), () -> 1.0);

        assertThat(longest.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(longest.after(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(longest.after(3)).isEqualTo(Duration.ofSeconds(45));
        assertThat(longest.after(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(longest.after(10)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void givenJitter_whenComputed_thenWaitStaysBetweenHalfAndAllOfTheExponentialStep() {
        RetryBackoff shortest = new RetryBackoff(initial, 3.0, Duration.ofMinutes(1), () -> 0.0);
        RetryBackoff middle = new RetryBackoff(initial, 3.0, Duration.ofMinutes(1), () -> 0.5);

        assertThat(shortest.after(2)).isEqualTo(Duration.ofMillis(7500));
        assertThat(middle.after(2)).isEqualTo(Duration.ofMillis(11250));
    }
}
