package kz.hearingstate.performance.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void givenOneToAHundredMillisecondsInAnyOrder_whenSummarised_thenNearestRankPercentilesAreTheSamplesThemselves() {
        List<Long> samples = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            samples.add(i);
        }
        Collections.shuffle(samples);

        LatencySummary summary = LatencySummary.of(samples);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50);
        assertThat(summary.p95()).isEqualTo(95);
        assertThat(summary.p99()).isEqualTo(99);
        assertThat(summary.max()).isEqualTo(100);
        assertThat(summary.mean()).isEqualTo(50.5);
    }

    @Test
    void givenOneSlowOutlierInTenSamples_whenSummarised_thenP99IsTheOutlierButP50IsNot() {
        LatencySummary summary = LatencySummary.of(List.of(5L, 5L, 6L, 6L, 7L, 7L, 8L, 8L, 9L, 900L));

        assertThat(summary.p50()).isEqualTo(7);
        assertThat(summary.p99()).isEqualTo(900);
    }

    @Test
    void givenNoSamples_whenSummarised_thenCountIsZeroAndNoFigureIsInvented() {
        LatencySummary summary = LatencySummary.of(List.of());

        assertThat(summary.count()).isZero();
        assertThat(summary.p99()).isNull();
        assertThat(summary.max()).isNull();
    }
}
