package kz.hearingstate.performance.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CountedTimesTest {

    @Test
    void givenCountsPolledOverTime_whenDerived_thenEachAppealIsCountedAtTheFirstPollThatIncludesIt() {
        List<Long> acceptedAt = List.of(1000L, 1100L, 1200L);
        List<AnalyticsCounter.Observation> polls = List.of(
                new AnalyticsCounter.Observation(1050, 40),
                new AnalyticsCounter.Observation(1550, 41),
                new AnalyticsCounter.Observation(2050, 43));

        assertThat(CountedTimes.latencies(acceptedAt, 40, polls)).containsExactly(550L, 950L, 850L);
    }

    @Test
    void givenAnalyticsNeverCaughtUp_whenDerived_thenOnlyTheCountedAppealsHaveALatency() {
        List<Long> acceptedAt = List.of(1000L, 1100L);
        List<AnalyticsCounter.Observation> polls = List.of(new AnalyticsCounter.Observation(1500, 11));

        assertThat(CountedTimes.latencies(acceptedAt, 10, polls)).containsExactly(500L);
    }
}
