package kz.hearingstate.performance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.hearingstate.performance.measure.MachineInfo;
import kz.hearingstate.performance.measure.StoreCommands;
import org.junit.jupiter.api.Test;

class ReportWriterCpuTest {

    @Test
    void givenARunWhoseServiceStillCompiled_whenTheCpuTableIsWritten_thenTheJitCompilersPartStandsBesideEachFigure() {
        Map<String, BenchmarkReport.ProcessUsage> processes = new LinkedHashMap<>();
        processes.put("intake-service", new BenchmarkReport.ProcessUsage(30.0, 18000, 3.0, 0.8, 400, 410));
        processes.put("kafka-broker", new BenchmarkReport.ProcessUsage(20.0, 12000, 2.0, 0.0, 500, 500));
        BenchmarkReport.RunResult run = new BenchmarkReport.RunResult("fixed 100/s", "open", 100, 60, 0, 6000, 6000,
                Map.of(), 100, 100, 0, 0, null, Map.of(), processes, 6000, Map.of(), true);
        BenchmarkReport report = new BenchmarkReport("quick", "2026-12-04T08:00:00Z", "2026-12-04T08:06:00Z",
                new MachineInfo(2, 24000, "cpu", "Linux", "JDK 25", "1.0"), null, Map.of(), null, null, List.of(run),
                List.of(), List.of(), new BenchmarkReport.Sustained(100, true, "fixed 100/s"),
                Map.of("intake-service", 2.0), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("fixed 100/s", storeCommands()), List.of());
        StringBuilder md = new StringBuilder();

        ReportWriter.cpuPerAppeal(md, report);

        assertThat(md.toString())
                .contains("| fixed 100/s | 6000 | **3.0** (0.8) | 2.0 (0.0) |")
                .contains("| intake-service | 3.0 | 0.8 | 2.0 | 1.0 |")
                .contains("| kafka-broker | 2.0 | 0.0 | none | - |")
                .contains("| collection | commands per appeal | server ms per appeal |\n|---|---|---|\n"
                        + "| notification.notifications | 0.07 | 3.82 |\n| analytics.appeal_facts | 0.67 | 2.64 |\n");
    }

    /** The sustained run's store commands, costliest first, as StoreCommands.perAppealSince gives them. */
    private static Map<String, StoreCommands.PerAppeal> storeCommands() {
        Map<String, StoreCommands.PerAppeal> byCollection = new LinkedHashMap<>();
        byCollection.put("notification.notifications", new StoreCommands.PerAppeal(0.07, 3.82));
        byCollection.put("analytics.appeal_facts", new StoreCommands.PerAppeal(0.67, 2.64));
        return byCollection;
    }
}
