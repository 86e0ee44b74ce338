package kz.hearingstate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict of each scenario with its figures, as one Markdown table: printed at the end of the suite and
 * written to {@code target/fault-report.md}, so a run's numbers can be quoted without reading logs.
 */
final class FaultReport {

    private record Row(String scenario, Duration took, String figures) {
    }

    private final String title;
    private final Instant started = Instant.now();
    private final List<Row> rows = new ArrayList<>();

    FaultReport() {
        this("Fault suite");
    }

    /** @param title what ran, for example the suite on a Kafka cluster */
    FaultReport(String title) {
        this.title = title;
    }

    void add(String scenario, Instant scenarioStarted, String figures) {
        rows.add(new Row(scenario, Duration.between(scenarioStarted, Instant.now()), figures));
    }

    /** "n submissions: 202 × a, 503 × b, no answer × c". */
    static String answers(List<AppealLoad.Outcome> outcomes) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        byStatus.forEach((status, count) -> parts.add((status == 0 ? "no answer" : String.valueOf(status)) + " × " + count));
        return outcomes.size() + " submissions (" + String.join(", ", parts) + ")";
    }

    String markdown(FaultMode mode) {
        StringBuilder text = new StringBuilder(title + ", mode " + mode.name() + ", " + rows.size()
                + " scenarios passed in " + Duration.between(started, Instant.now()).toSeconds() + " s (stack start-up included)\n\n"
                + "| scenario | took | verdict and figures |\n|---|---|---|\n");
        rows.forEach(row -> text.append("| ").append(row.scenario()).append(" | ").append(row.took().toSeconds())
                .append(" s | ").append(row.figures()).append(" |\n"));
        return text.toString();
    }

    /** The verdicts on standard output (the build's log) and in {@code file}. */
    void printAndWrite(Path file, FaultMode mode) {
        String markdown = markdown(mode);
        System.out.println(markdown);
        try {
            Files.writeString(file, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
