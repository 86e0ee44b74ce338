package kz.hearingstate.performance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kz.hearingstate.performance.report.BenchmarkReport;
import kz.hearingstate.performance.report.ReportWriter;
import org.junit.jupiter.api.Test;

/**
 * CI's benchmark: the smoke plan (20 s at 10 appeals/s, a small baseline) on a real stack, judged only
 * on what must hold at any speed: a complete, well-formed report, no error, nothing lost. Timings are
 * recorded, never asserted. Needs the service jars (the reactor packages them before this module).
 */
class BenchmarkSmokeIntegrationTest {

    @Test
    void givenTheStackUnderALowFixedRate_whenTheSmokeBenchmarkRuns_thenItWritesAFullReportWithNoErrorAndNothingLost()
            throws IOException {
        // The checkout whose service jars run; another one can be named for a run against other builds.
        Path repository = Path.of(System.getProperty("stack.repository", "..")).toAbsolutePath().normalize();
        Path output = Path.of("target/benchmark-smoke");
        Path work = Files.createTempDirectory(Path.of("target"), "bench-work-");

        BenchmarkReport written = new Benchmark(BenchmarkPlan.smoke(), repository, work, System.out::println).run();
        ReportWriter.write(written, output, "benchmark-smoke");
        BenchmarkReport report = ReportWriter.read(output.resolve("benchmark-smoke.json"));

        assertThat(report.mode()).isEqualTo("smoke");
        assertThat(report.machine().cores()).isPositive();
        assertThat(report.machine().memoryMib()).isPositive();
        assertThat(report.baseline().producer().records()).isEqualTo(BenchmarkPlan.smoke().baselineRecords());
        assertThat(report.baseline().producer().recordsPerSecond()).isPositive();
        assertThat(report.baseline().consumer().records()).isEqualTo(BenchmarkPlan.smoke().baselineRecords());
        assertThat(report.baseline().endToEnd().p99Millis()).isGreaterThanOrEqualTo(report.baseline().endToEnd().p50Millis());

        assertThat(report.runs()).hasSize(1);
        BenchmarkReport.RunResult run = report.runs().getFirst();
        assertThat(run.requests()).isGreaterThan(150);
        assertThat(run.errors()).isEmpty();
        assertThat(run.accepted()).isEqualTo(run.requests());
        assertThat(run.notRouted()).isZero();
        assertThat(run.legs().get("inbox").count()).isEqualTo(run.accepted());
        assertThat(run.legs().get("routed").count()).isEqualTo(run.accepted());
        assertThat(run.legs().get("notified").count()).isPositive();
        assertThat(run.legs().get("counted").count()).isPositive();
        assertThat(run.httpLatency().count()).isEqualTo(run.requests());
        assertThat(run.processes()).containsKeys("kafka-broker", "mongo-wire-server", "intake-service",
                "routing-service", "notification-service", "analytics-service", "load-generator");
        assertThat(run.processes().get("intake-service").rssMib()).isPositive();
        assertThat(run.routedInWindow()).isPositive();
        assertThat(run.processes().get("routing-service").cpuMillisPerAppeal()).isPositive();
        assertThat(run.consumers()).containsOnlyKeys("routing", "notification", "analytics", "intake",
                "notification delivery");
        assertThat(run.consumers().get("routing").keptUp()).isNotNull();
        assertThat(run.consumers().get("notification delivery").keptUp()).isNotNull();
        assertThat(report.sustained()).isNotNull();
        assertThat(report.cpuBudgetMillisPerAppeal()).containsKeys("intake-service", "notification-service");
        // 10 appeals/s on JVMs just started is no verdict on the CPU budgets: listed, not judged.
        assertThat(report.targets()).filteredOn(target -> target.target().contains("ms CPU per appeal")).hasSize(4)
                .allSatisfy(target -> assertThat(target.met()).isNull());

        String markdown = Files.readString(output.resolve("benchmark-smoke.md"));
        assertThat(markdown).contains("## Machine", "## Raw Kafka baseline", "## Targets", "## Pipeline runs",
                "## Processes", "## Pipeline ÷ baseline", "fixed 10/s", "## Sustained", "## CPU per appeal (ms)",
                "## Consumer lag during each run");
    }
}
