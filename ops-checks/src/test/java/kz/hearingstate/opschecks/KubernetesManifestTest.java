package kz.hearingstate.opschecks;

import static kz.hearingstate.opschecks.ComposeFileTest.list;
import static kz.hearingstate.opschecks.ComposeFileTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/k8s: the routing-service pattern matches the image and the service it deploys. */
class KubernetesManifestTest {

    @Test
    void givenEveryManifest_thenEachDocumentNamesItsApiVersionKindAndName() throws IOException {
        List<Map<String, Object>> documents = documents();

        assertThat(documents).extracting(document -> document.get("kind"))
                .contains("Deployment", "Service", "PodDisruptionBudget", "ConfigMap", "Job")
                // What `kubectl apply -f docs/k8s/` applies never overwrites the real Secret with the example's placeholders.
                .doesNotContain("Secret");
        Map<String, Object> example = map(new Yaml().load(Repository.read("docs/k8s/secret.yaml.example")));
        assertThat(example).containsEntry("kind", "Secret").containsKey("apiVersion");
        for (Map<String, Object> document : documents) {
            assertThat(document.get("apiVersion")).as(document.toString()).isNotNull();
            assertThat(map(document.get("metadata")).get("name")).as(document.toString()).isNotNull();
        }
    }

    @Test
    void givenTheRoutingDeployment_thenItRunsAsTheImagesUser_onTheServicesPort_withActuatorProbes_andAMemoryLimit()
            throws IOException {
        Map<String, Object> pod = map(map(map(only("Deployment").get("spec")).get("template")).get("spec"));
        Map<String, Object> container = map(list(pod.get("containers")).getFirst());

        Matcher imageUser = Pattern.compile("useradd .*--uid (\\d+)").matcher(Repository.read("Dockerfile"));
        assertThat(imageUser.find()).isTrue();
        assertThat(map(pod.get("securityContext"))).containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", Integer.parseInt(imageUser.group(1)));

        int port = ServiceBindings.port("routing-service");
        assertThat(map(list(container.get("ports")).getFirst()).get("containerPort")).isEqualTo(port);
        assertThat(map(map(only("Service").get("spec"))).get("selector"))
                .isEqualTo(map(map(map(only("Deployment").get("spec")).get("selector")).get("matchLabels")));

        // Actuator on the management port: the probes and Prometheus reach it, the Service never exposes it.
        assertThat(list(container.get("ports")).stream().map(ComposeFileTest::map)
                .filter(entry -> "management".equals(entry.get("name"))).findFirst().orElseThrow().get("containerPort"))
                .isEqualTo(ComposeFileTest.managementPort());
        assertThat(list(map(only("Service").get("spec")).get("ports"))).allSatisfy(entry ->
                assertThat(map(entry).get("targetPort")).isNotIn("management", ComposeFileTest.managementPort()));
        for (String probe : List.of("startupProbe", "livenessProbe")) {
            assertThat(map(map(container.get(probe)).get("httpGet")).get("port")).as(probe).isEqualTo("management");
        }
        // Readiness asks the service's own connector, where every service serves Actuator's readiness group too.
        assertThat(map(map(container.get("readinessProbe")).get("httpGet"))).containsEntry("port", "http")
                .containsEntry("path", "/readyz");
        for (String service : List.of("intake", "routing", "notification", "analytics")) {
            Map<String, Object> probes = map(map(map(map(Repository.yaml(Repository.read(
                    service + "-service/src/main/resources/application.yml")).get("management")).get("endpoint")).get("health"))
                    .get("probes"));
            assertThat(probes).as(service).containsEntry("enabled", true).containsEntry("add-additional-paths", true);
        }
        assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/liveness");
        assertThat(map(map(container.get("startupProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/liveness");
        assertThat(map(map(container.get("resources")).get("limits")).get("memory")).isNotNull();
    }

    @Test
    void givenTheNetworkPolicy_thenTheManagementPortAdmitsPrometheusAloneAndTheServicesPortEveryone() throws IOException {
        Map<String, Object> spec = map(only("NetworkPolicy").get("spec"));
        assertThat(map(spec.get("podSelector")).get("matchLabels"))
                .isEqualTo(map(map(map(only("Deployment").get("spec")).get("selector")).get("matchLabels")));
        assertThat(ComposeFileTest.stringList(spec.get("policyTypes"))).containsExactly("Ingress");

        List<Map<String, Object>> rules = list(spec.get("ingress")).stream().map(ComposeFileTest::map).toList();
        Map<String, Object> open = rules.stream().filter(rule -> !rule.containsKey("from")).findFirst().orElseThrow();
        assertThat(list(open.get("ports"))).extracting(port -> map(port).get("port")).containsExactly("http");
        // No rule without a "from" names the management port, and the one that does admits Prometheus's pods only.
        assertThat(rules).filteredOn(rule -> list(rule.get("ports")).stream().anyMatch(port -> "management".equals(map(port).get("port"))))
                .singleElement().satisfies(rule -> assertThat(list(rule.get("from"))).singleElement().satisfies(peer ->
                        assertThat(map(map(map(peer).get("podSelector")).get("matchLabels")))
                                .containsEntry("app.kubernetes.io/name", "prometheus")));
    }

    @Test
    void givenTheTopicsJob_thenItRunsTheComposeInitScriptWithReplicationThreeAndMinInsyncTwo() throws IOException {
        Map<String, Object> container = map(list(map(map(map(only("Job").get("spec")).get("template")).get("spec"))
                .get("containers")).getFirst());

        assertThat(container.get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat(ComposeFileTest.stringList(container.get("command"))).contains("/etc/hearing/create-topics.sh");
        assertThat(list(container.get("env")).stream().map(ComposeFileTest::map).toList())
                .contains(Map.of("name", "KAFKA_REPLICATION_FACTOR", "value", "3"),
                        Map.of("name", "KAFKA_MIN_INSYNC_REPLICAS", "value", "2"));
    }

    private static Map<String, Object> only(String kind) throws IOException {
        List<Map<String, Object>> found = documents().stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(Repository.file("docs/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document != null) {
                        documents.add((Map<String, Object>) document);
                    }
                }
            }
        }
        return documents;
    }
}
