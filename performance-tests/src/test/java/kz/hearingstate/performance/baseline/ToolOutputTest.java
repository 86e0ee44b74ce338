package kz.hearingstate.performance.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The figures are read from what kafka-tools 4.1.2 really printed (captured in test resources). */
class ToolOutputTest {

    @Test
    void givenProducerPerformanceOutputWithInterimLines_whenParsed_thenTheFinalSummaryWithPercentilesIsTaken() {
        ToolOutput.ProducerFigures figures = ToolOutput.producer(lines("producer-performance.txt"));

        assertThat(figures.records()).isEqualTo(20000);
        assertThat(figures.recordsPerSecond()).isEqualTo(1847.7);
        assertThat(figures.megabytesPerSecond()).isEqualTo(1.80);
        assertThat(figures.p50Millis()).isEqualTo(4656);
        assertThat(figures.p95Millis()).isEqualTo(5880);
        assertThat(figures.p99Millis()).isEqualTo(6074);
    }

    @Test
    void givenConsumerPerformanceOutputWithLogLinesAfterTheHeader_whenParsed_thenTheResultRowIsRead() {
        ToolOutput.ConsumerFigures figures = ToolOutput.consumer(lines("consumer-performance.txt"));

        assertThat(figures.records()).isEqualTo(20000);
        assertThat(figures.recordsPerSecond()).isEqualTo(3739.0166);
        assertThat(figures.megabytesPerSecond()).isEqualTo(3.6514);
    }

    @Test
    void givenEndToEndLatencyOutput_whenParsed_thenAverageAndPercentilesAreRead() {
        ToolOutput.EndToEndFigures figures = ToolOutput.endToEnd(lines("end-to-end-latency.txt"));

        assertThat(figures.averageMillis()).isEqualTo(17.1647);
        assertThat(figures.p50Millis()).isEqualTo(9);
        assertThat(figures.p99Millis()).isEqualTo(114);
        assertThat(figures.p999Millis()).isEqualTo(530);
    }

    @Test
    void givenAToolThatFailedBeforeItsSummary_whenParsed_thenTheErrorQuotesTheLastLines() {
        List<String> crashed = List.of("2566 records sent, 509.1 records/sec (0.50 MB/sec), 1920.9 ms avg latency, 2904.0 ms max latency.",
                "org.apache.kafka.common.errors.TimeoutException: Topic baseline.throughput not present in metadata");

        assertThatThrownBy(() -> ToolOutput.producer(crashed))
                .hasMessageContaining("No ProducerPerformance summary")
                .hasMessageContaining("not present in metadata");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ToolOutputTest.class.getResourceAsStream("/tool-output/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
