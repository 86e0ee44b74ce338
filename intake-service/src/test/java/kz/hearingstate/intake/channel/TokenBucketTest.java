package kz.hearingstate.intake.channel;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void givenAFullBucket_whenTheBurstIsSpent_thenTheNextRequestWaitsForARefill() {
        TokenBucket bucket = new TokenBucket(3, 2.0, 0);

        assertThat(bucket.tryTake(0).allowed()).isTrue();
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        assertThat(bucket.tryTake(0).allowed()).isTrue();
        TokenBucket.Decision refused = bucket.tryTake(0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void givenTime_whenItPasses_thenTokensComeBackAtTheRateButNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1.0, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND).allowed()).isTrue();
        assertThat(bucket.tryTake(SECOND).allowed()).isFalse();
        assertThat(bucket.tryTake(100 * SECOND).allowed()).isTrue();
        assertThat(bucket.tryTake(100 * SECOND).allowed()).isTrue();
        assertThat(bucket.tryTake(100 * SECOND).allowed()).isFalse();
    }
}
