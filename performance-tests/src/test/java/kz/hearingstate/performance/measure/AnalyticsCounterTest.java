package kz.hearingstate.performance.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class AnalyticsCounterTest {

    @Test
    void givenAPrometheusPage_whenRead_thenTheCountedSamplesAreSummedAndOtherMetersIgnored() {
        String page = """
                # HELP appeals_counted_total Appeals whose submission this instance recorded, each once
                # TYPE appeals_counted_total counter
                appeals_counted_total{application="analytics-service",instance="a"} 1200.0
                appeals_counted_total{application="analytics-service",instance="b"} 34.0
                appeals_counted_totally_else_total 999.0
                appeals_answered_total{application="analytics-service",department="roads"} 7.0
                """;

        assertThat(AnalyticsCounter.countIn(page)).isEqualTo(OptionalLong.of(1234));
    }

    @Test
    void givenAPageWithoutTheCounter_whenRead_thenThereIsNoCount() {
        assertThat(AnalyticsCounter.countIn("appeals_answered_total{department=\"roads\"} 7.0\n")).isEmpty();
    }
}
