package kz.hearingstate.performance.baseline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of what Kafka's performance tools print (formats of kafka-tools 4.1). */
public final class ToolOutput {

    /** ProducerPerformance's final summary line. */
    public record ProducerFigures(long records, double recordsPerSecond, double megabytesPerSecond,
                                  double averageLatencyMillis, double maxLatencyMillis,
                                  long p50Millis, long p95Millis, long p99Millis) {
    }

    /** ConsumerPerformance's single result row. */
    public record ConsumerFigures(long records, double recordsPerSecond, double megabytesPerSecond) {
    }

    /** EndToEndLatency: produce one record, wait until it is consumed, repeat. */
    public record EndToEndFigures(double averageMillis, long p50Millis, long p99Millis, long p999Millis) {
    }

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");
    /** A result row starts with the start time, e.g. {@code 2026-11-28 07:31:02:123, }. */
    private static final Pattern CONSUMER_ROW = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} [\\d:]+, ");
    private static final Pattern END_TO_END_AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern END_TO_END_PERCENTILES = Pattern.compile(
            "Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    private ToolOutput() {
    }

    /** The last summary line (ProducerPerformance also prints interim lines without percentiles). */
    public static ProducerFigures producer(List<String> lines) {
        ProducerFigures found = null;
        for (String line : lines) {
            Matcher m = PRODUCER_SUMMARY.matcher(line);
            if (m.find()) {
                found = new ProducerFigures(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                        Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)));
            }
        }
        return require(found, "ProducerPerformance summary", lines);
    }

    /**
     * The row under the header {@code start.time, end.time, data.consumed.in.MB, MB.sec,
     * data.consumed.in.nMsg, nMsg.sec, ...}.
     */
    public static ConsumerFigures consumer(List<String> lines) {
        boolean headerSeen = false;
        for (String line : lines) {
            if (line.startsWith("start.time, end.time")) {
                headerSeen = true;
            } else if (headerSeen && CONSUMER_ROW.matcher(line).find()) {
                // log lines of the client may come between the header and the row
                String[] cells = line.split(",\\s*");
                return new ConsumerFigures(Long.parseLong(cells[4].trim()), Double.parseDouble(cells[5].trim()),
                        Double.parseDouble(cells[3].trim()));
            }
        }
        return require(null, "ConsumerPerformance result row", lines);
    }

    public static EndToEndFigures endToEnd(List<String> lines) {
        Double average = null;
        EndToEndFigures found = null;
        for (String line : lines) {
            Matcher avg = END_TO_END_AVERAGE.matcher(line);
            if (avg.find()) {
                average = Double.parseDouble(avg.group(1));
            }
            Matcher p = END_TO_END_PERCENTILES.matcher(line);
            if (p.find() && average != null) {
                found = new EndToEndFigures(average, Long.parseLong(p.group(1)), Long.parseLong(p.group(2)),
                        Long.parseLong(p.group(3)));
            }
        }
        return require(found, "EndToEndLatency percentiles", lines);
    }

    private static <T> T require(T found, String what, List<String> lines) {
        if (found == null) {
            List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            throw new IllegalStateException("No " + what + " in the tool's output. Last lines:\n" + String.join("\n", tail));
        }
        return found;
    }
}
