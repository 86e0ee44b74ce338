package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker/prometheus: promtool checks the configuration and the rules, and runs the alert unit tests. */
class PrometheusTest {

    static final Path PROMETHEUS = Repository.file("docker/prometheus");
    static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = ExternalTool.require("promtool");
    }

    @Test
    void givenThePrometheusConfiguration_whenPromtoolChecksIt_thenItAndItsRuleFilesAreValid() {
        ExternalTool.Result result = ExternalTool.run(
                List.of(promtool.toString(), "check", "config", PROMETHEUS.resolve("prometheus.yml").toString()));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void givenTheAlertRules_whenPromtoolChecksThem_thenEveryExpressionParses() throws IOException {
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "check", "rules"));
        command.addAll(ruleFiles().stream().map(Path::toString).toList());

        ExternalTool.Result result = ExternalTool.run(command);

        assertThat(result.succeeded()).as(result.output()).isTrue();
    }

    @Test
    void givenTheAlertUnitTests_whenPromtoolRunsThem_thenEveryCasePasses() throws IOException {
        ExternalTool.Result result = ExternalTool.run(testCommand(testFiles()));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void givenEveryAlert_thenItHasAUnitTestWhereItFiresAndOneWhereItStaysQuiet() throws IOException {
        Set<String> alerts = alertNames();
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (Path file : testFiles()) {
            for (Object test : ComposeFileTest.list(Repository.yaml(Files.readString(file)).get("tests"))) {
                Object cases = ComposeFileTest.map(test).get("alert_rule_test");
                for (Object alertCase : cases == null ? List.of() : ComposeFileTest.list(cases)) {
                    Map<String, Object> expectation = ComposeFileTest.map(alertCase);
                    Object expected = expectation.get("exp_alerts");
                    boolean fires = expected instanceof List<?> list && !list.isEmpty();
                    (fires ? firing : quiet).add(expectation.get("alertname").toString());
                }
            }
        }

        assertThat(alerts).contains("ServiceDown", "ServiceMissing", "HighServerErrorRate", "ConsumerLagGrowing",
                "DeadLetterTopicNotEmpty", "SlaBreachesRising", "NotificationsFailing");
        assertThat(firing).as("alerts tested firing").containsAll(alerts);
        assertThat(quiet).as("alerts tested quiet").containsAll(alerts);
    }

    @Test
    void givenALooserErrorThreshold_whenTheUnitTestsRun_thenTheyCatchIt(@TempDir Path temp) throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Path tests = Files.createDirectories(temp.resolve("tests"));
        for (Path file : ruleFiles()) {
            Files.writeString(rules.resolve(file.getFileName()), Files.readString(file).replace("> 0.05", "> 0.5"));
        }
        List<Path> copiedTests = new ArrayList<>();
        for (Path file : testFiles()) {
            copiedTests.add(Files.copy(file, tests.resolve(file.getFileName())));
        }

        ExternalTool.Result result = ExternalTool.run(testCommand(copiedTests));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("alertname: HighServerErrorRate");
    }

    @Test
    void givenTheScrapeConfiguration_thenEachServicesActuatorEndpointIsScrapedOnItsPort_forEveryReplica() {
        Map<String, Object> config = Repository.yaml(Repository.read("docker/prometheus/prometheus.yml"));
        Map<String, Map<String, Object>> jobs = new java.util.HashMap<>();
        for (Object job : ComposeFileTest.list(config.get("scrape_configs"))) {
            Map<String, Object> scrape = ComposeFileTest.map(job);
            jobs.put(scrape.get("job_name").toString(), scrape);
        }
        for (String service : ServiceBindings.SERVICES) {
            Map<String, Object> job = jobs.get(service);
            assertThat(job).as(service).isNotNull();
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            Map<String, Object> discovery = ComposeFileTest.map(ComposeFileTest.list(job.get("dns_sd_configs")).getFirst());
            assertThat(ComposeFileTest.stringList(discovery.get("names"))).containsExactly(service);
            assertThat(discovery.get("port")).as("the management port, which no service publishes")
                    .isEqualTo(ComposeFileTest.managementPort());
        }
    }

    private static List<String> testCommand(List<Path> testFiles) {
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        command.addAll(testFiles.stream().map(Path::toString).toList());
        return command;
    }

    /** The name of every alert in the rule files. */
    static Set<String> alertNames() throws IOException {
        Set<String> alerts = new HashSet<>();
        for (Path file : ruleFiles()) {
            alerts.addAll(alertNames(file));
        }
        return alerts;
    }

    static Set<String> alertNames(Path ruleFile) throws IOException {
        Set<String> alerts = new HashSet<>();
        for (Object group : ComposeFileTest.list(Repository.yaml(Files.readString(ruleFile)).get("groups"))) {
            for (Object rule : ComposeFileTest.list(ComposeFileTest.map(group).get("rules"))) {
                Object alert = ComposeFileTest.map(rule).get("alert");
                if (alert != null) {
                    alerts.add(alert.toString());
                }
            }
        }
        return alerts;
    }

    static List<Path> ruleFiles() throws IOException {
        return yamlFiles(PROMETHEUS.resolve("rules"));
    }

    static List<Path> testFiles() throws IOException {
        return yamlFiles(PROMETHEUS.resolve("tests"));
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
            assertThat(found).as(dir.toString()).isNotEmpty();
            return found;
        }
    }
}
