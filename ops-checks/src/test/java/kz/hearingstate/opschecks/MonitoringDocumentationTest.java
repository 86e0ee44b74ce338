package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What operators read to watch the platform matches what it publishes: the README's "Metrics" table lists
 * exactly the meters the code registers, and deployment.md's alert table exactly the alerts of the rule files.
 * (GrafanaTest checks that dashboards and alerts use only published series.)
 */
class MonitoringDocumentationTest {

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([A-Za-z][A-Za-z0-9.]*)` \\|");
    /**
     * A meter registered in main code: the name passed as a literal to a Micrometer builder or registry call
     * (or a service's own {@code counter(...)} helper), or a {@code *_METER} constant that the call then uses.
     */
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:(?:Counter|Timer|Gauge|DistributionSummary|LongTaskTimer)\\.builder|\\b(?:counter|timer|gauge|summary))"
                    + "\\(\\s*\"([a-z][a-z0-9.]*)\"|\\w+_METER\\s*=\\s*\"([a-z][a-z0-9.]*)\"");

    @Test
    void givenTheReadmesMetricsTable_thenItListsExactlyTheMetersTheCodeRegisters() {
        Set<String> documented = documented();
        Set<String> registered = registered();

        assertThat(documented).as("the README's Metrics table").isNotEmpty();
        assertThat(registered).as("meters registered in main code, not in the README's Metrics table")
                .isSubsetOf(documented);
        assertThat(documented).as("rows of the README's Metrics table that no main code registers")
                .isSubsetOf(registered);
    }

    @Test
    void givenDeploymentsAlertTable_thenItListsExactlyTheAlertsOfTheRuleFiles() throws IOException {
        Set<String> documented = section(Repository.read("docs/deployment.md"), "## 9. Monitoring");

        assertThat(documented).as("docs/deployment.md, section 9's alert table").isNotEmpty()
                .isEqualTo(new TreeSet<>(PrometheusTest.alertNames()));
    }

    @Test
    void givenTheRegistrationPatterns_whenReadingTheSharedModules_thenTheirMetersAreFound() {
        assertThat(registered()).contains("kafka.dlq.records", "legal.clock.calendar.missing", "appeals.received",
                "notifications.sent", "appeal.routing.latency");
    }

    /** The meters named in the first column of the README's Metrics table. */
    private static Set<String> documented() {
        return section(Repository.read("README.md"), "## Metrics");
    }

    /** The code spans that open the table rows of a document's section (up to the next heading of its level). */
    private static Set<String> section(String document, String heading) {
        int start = document.indexOf("\n" + heading + "\n");
        assertThat(start).as("a section " + heading).isNotNegative();
        int end = document.indexOf("\n## ", start + 1);
        Matcher row = TABLE_ROW.matcher(document.substring(start, end < 0 ? document.length() : end));
        Set<String> names = new TreeSet<>();
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static Set<String> registered() {
        try (Stream<Path> files = Files.walk(Repository.ROOT)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> Repository.ROOT.relativize(file).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                    .flatMap(file -> REGISTERED.matcher(Repository.read(file)).results())
                    .map(match -> match.group(1) != null ? match.group(1) : match.group(2))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
