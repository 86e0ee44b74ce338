package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker/grafana: the dashboards parse, use the provisioned datasource, cover what operators watch, and
 * every PromQL expression in them passes promtool (as recording rules in a generated file).
 */
class GrafanaTest {

    static final Path GRAFANA = Repository.file("docker/grafana");
    /** What Grafana substitutes at query time, replaced by a value promtool can parse. */
    static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "1m", "$__interval", "1m", "$__range", "1h", "$department", ".*");
    /** A meter name as a string literal in a service's code: appeals.routed, notification.delivery.latency, ... */
    static final Pattern METER_NAME = Pattern.compile("\"((?:appeals?|notifications?|incidents)\\.[a-z.]+)\"");
    /** What Micrometer's Prometheus registry appends: counter, timer and base-unit suffixes. */
    static final List<String> PROMETHEUS_SUFFIXES = List.of("", "_total", "_seconds_bucket", "_seconds_count",
            "_seconds_sum", "_seconds_max", "_appeals");
    static final Pattern BUSINESS_SERIES = Pattern.compile("\\b((?:appeals?|notifications?|incidents)_[a-z_]+)\\b");

    static Map<String, JsonNode> dashboards = new LinkedHashMap<>();

    @BeforeAll
    static void readDashboards() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), json.readTree(Files.readString(file)));
            }
        }
    }

    @Test
    void givenTheDashboards_thenThePipelineAndDepartmentDashboardsExistWithUniqueUidsAndPanelIds() {
        assertThat(dashboards).containsKeys("pipeline.json", "department-performance.json");
        Set<String> uids = new HashSet<>();
        dashboards.forEach((file, dashboard) -> {
            assertThat(uids.add(dashboard.get("uid").asString())).as(file + " uid").isTrue();
            assertThat(dashboard.get("title").asString()).as(file).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt())).as(file + " panel id " + panel.get("id")).isTrue();
            }
        });
    }

    @Test
    void givenEveryQuery_thenItUsesTheProvisionedPrometheusDatasource() {
        Map<String, Object> provisioning = Repository.yaml(Repository.read("docker/grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> datasource = ComposeFileTest.map(ComposeFileTest.list(provisioning.get("datasources")).getFirst());
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");

        dashboards.forEach((file, dashboard) -> {
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.get("datasource").get("uid").asString()).as(file + ": " + panel.get("title"))
                            .isEqualTo(datasource.get("uid"));
                }
            }
        });
    }

    @Test
    void givenThePipelineDashboard_thenItShowsRatesLatencyPercentilesLagErrorsAndDeadLetters() {
        String queries = String.join("\n", expressions(dashboards.get("pipeline.json")));

        assertThat(queries).contains("rate(appeals_received_total")
                .contains("histogram_quantile(0.99, sum by (le) (rate(appeal_routing_latency_seconds_bucket")
                .contains("spring_cloud_stream_binder_kafka_offset")
                .contains("kafka_consumer_fetch_manager_records_lag_max")
                .contains("status=~\"5..\"")
                .contains("kafka_dlq_records_total");
    }

    @Test
    void givenTheDepartmentDashboard_thenEveryDepartmentPanelFollowsTheDepartmentVariable() {
        JsonNode dashboard = dashboards.get("department-performance.json");
        assertThat(dashboard.get("templating").get("list").get(0).get("name").asString()).isEqualTo("department");

        for (String expression : expressions(dashboard)) {
            if (expression.contains("by (department)")) {
                assertThat(expression).contains("department=~\"$department\"");
            }
        }
        assertThat(String.join("\n", expressions(dashboard)))
                .contains("appeals_sla_compliance").contains("appeals_backlog").contains("appeals_answered_total");
    }

    @Test
    void givenEveryDashboardExpression_whenPromtoolChecksThemAsRules_thenTheyAllParse(@TempDir Path temp) throws IOException {
        Path promtool = ExternalTool.require("promtool");
        List<Map<String, Object>> rules = new ArrayList<>();
        dashboards.forEach((file, dashboard) -> {
            for (String expression : expressions(dashboard)) {
                String resolved = expression;
                for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
                    resolved = resolved.replace(variable.getKey(), variable.getValue());
                }
                assertThat(resolved).as("unknown Grafana variable in " + file).doesNotContain("$");
                rules.add(Map.of("record", "dashboard:expression_" + rules.size(), "expr", resolved));
            }
        });
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path rulesFile = temp.resolve("dashboard-expressions.yml");
        Files.writeString(rulesFile, new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

        ExternalTool.Result result = ExternalTool.run(List.of(promtool.toString(), "check", "rules", rulesFile.toString()));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: " + rules.size() + " rules found");
    }

    @Test
    void givenEveryBusinessSeriesInDashboardsAndAlerts_thenItIsAMeterTheServicesPublish() throws IOException {
        List<String> texts = new ArrayList<>();
        dashboards.values().forEach(dashboard -> texts.addAll(expressions(dashboard)));
        for (Path file : PrometheusTest.ruleFiles()) {
            texts.add(Files.readString(file));
        }
        Set<String> used = new HashSet<>();
        for (String text : texts) {
            Matcher series = BUSINESS_SERIES.matcher(text);
            while (series.find()) {
                used.add(series.group(1));
            }
        }

        assertThat(used).isNotEmpty();
        assertThat(publishedSeries()).containsAll(used);
    }

    /** The Prometheus names of every business meter named in the four services' main code. */
    static Set<String> publishedSeries() throws IOException {
        Set<String> series = new HashSet<>();
        for (String service : ServiceBindings.SERVICES) {
            try (Stream<Path> files = Files.walk(Repository.file(service + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher meter = METER_NAME.matcher(Files.readString(file));
                    while (meter.find()) {
                        String name = meter.group(1).replace('.', '_');
                        PROMETHEUS_SUFFIXES.forEach(suffix -> series.add(name + suffix));
                    }
                }
            }
        }
        return series;
    }

    @Test
    void givenTheDashboardProvider_thenItLoadsTheDirectoryComposeMountsTheDashboardsInto() {
        Map<String, Object> provider = ComposeFileTest.map(ComposeFileTest.list(Repository.yaml(
                Repository.read("docker/grafana/provisioning/dashboards/hearing.yml")).get("providers")).getFirst());
        String path = ComposeFileTest.map(provider.get("options")).get("path").toString();

        assertThat(Repository.read("docker-compose.yml")).contains("./docker/grafana/dashboards:" + path + ":ro");
    }

    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        return expressions;
    }
}
