package kz.hearingstate.performance.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagSamplerTest {

    @Test
    void givenALagThatStaysNearOneBatch_whenJudged_thenTheGroupKeptUp() {
        LagSampler.GroupVerdict verdict = LagSampler.keptUp(samples(30, 10, second -> 15 + (second % 3) * 10));

        assertThat(verdict.keptUp()).isTrue();
        assertThat(verdict.slack()).isEqualTo(20); // 10 records/s in, 2 s of it
        assertThat(verdict.maxLag()).isEqualTo(35);
    }

    @Test
    void givenALagThatGrowsAllRunLong_whenJudged_thenTheGroupFellBehind() {
        LagSampler.GroupVerdict verdict = LagSampler.keptUp(samples(30, 10, second -> second * 4L));

        assertThat(verdict.keptUp()).isFalse();
        assertThat(verdict.lagAtThird()).isEqualTo(40);
        assertThat(verdict.lagAtEnd()).isEqualTo(116);
    }

    @Test
    void givenABacklogLeftByTheRunBeforeThatShrinks_whenJudged_thenTheGroupKeptUp() {
        LagSampler.GroupVerdict verdict = LagSampler.keptUp(samples(30, 10, second -> Math.max(0, 2000 - second * 100L)));

        assertThat(verdict.keptUp()).isTrue();
    }

    @Test
    void givenTwoSamplesOnly_whenJudged_thenThereIsNoVerdict() {
        assertThat(LagSampler.keptUp(samples(2, 10, second -> 0)).keptUp()).isNull();
    }

    @Test
    void givenAStageKafkaCannotTellAbout_whenSampled_thenItsBacklogIsJudgedLikeAGroup() throws Exception {
        AtomicLong sent = new AtomicLong();
        LagSampler sampler = new LagSampler(null, List.of(),
                Map.of("delivery", () -> new ConsumerLag.GroupLag(sent.get() * 5, sent.addAndGet(100)))).start();
        while (sent.get() < 300) { // three samples, one a second
            Thread.sleep(50);
        }

        List<LagSampler.Sample> samples = sampler.stop();

        assertThat(samples).allSatisfy(sample -> assertThat(sample.groups()).containsOnlyKeys("delivery"));
        LagSampler.GroupVerdict verdict = LagSampler.verdicts(samples, List.of("delivery")).get("delivery");
        assertThat(verdict.keptUp()).as("five times what came in is waiting, ever more").isFalse();
        assertThat(verdict.lagAtEnd()).isGreaterThan(verdict.lagAtThird());
    }

    private static List<long[]> samples(int seconds, long inputPerSecond, java.util.function.IntToLongFunction lag) {
        List<long[]> samples = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            samples.add(new long[] {second * 1000L, lag.applyAsLong(second), 1000 + second * inputPerSecond});
        }
        return samples;
    }
}
