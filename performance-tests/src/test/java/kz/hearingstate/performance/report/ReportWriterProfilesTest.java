package kz.hearingstate.performance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.hearingstate.performance.measure.HotMethods;
import org.junit.jupiter.api.Test;

class ReportWriterProfilesTest {

    @Test
    void givenAProbeProfile_whenRendered_thenEachLayerGetsItsShareOfTheProcesssCpuPerAppeal() {
        StringBuilder md = new StringBuilder();

        ReportWriter.profiles(md, report(4.0));

        assertThat(md.toString())
                .contains("**intake-service**, 4.0 ms CPU per appeal in the probe")
                .contains("| Jackson (JSON) | 75.0 | 3.00 |")
                .contains("| Kafka client | 25.0 | 1.00 |")
                .contains("| `java.util.HashMap.getNode(Object)` | 12.5 |");
        assertThat(md.indexOf("Jackson (JSON)")).isLessThan(md.indexOf("Kafka client"));
    }

    @Test
    void givenNoCpuPerAppealForTheProbe_whenRendered_thenTheSharesStandWithoutMilliseconds() {
        StringBuilder md = new StringBuilder();

        ReportWriter.profiles(md, report(null));

        assertThat(md.toString()).contains("**intake-service**\n").contains("| Jackson (JSON) | 75.0 | - |");
    }

    private static BenchmarkReport report(Double cpuMillisPerAppeal) {
        Map<String, Double> layers = new LinkedHashMap<>();
        layers.put("Jackson (JSON)", 75.0);
        layers.put("Kafka client", 25.0);
        HotMethods.Profile profile = new HotMethods.Profile(layers, Map.of("java.util.HashMap.getNode(Object)", 12.5));
        BenchmarkReport.RunResult probe = new BenchmarkReport.RunResult("capacity probe", "closed (24 users)", 24, 30, 0,
                100, 100, Map.of(), 3.3, 3.3, 0, 0, null, Map.of(),
                Map.of("intake-service", new BenchmarkReport.ProcessUsage(40.0, 400, cpuMillisPerAppeal, null, 300, 310)), 100,
                Map.of(), true);
        return new BenchmarkReport("quick", "2026-12-04T08:00:00Z", "2026-12-04T08:06:00Z", null, null, Map.of(), null,
                probe, List.of(), List.of(), List.of(), null, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("intake-service", profile), Map.of(), List.of());
    }
}
