package kz.hearingstate.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The production shape of compose and Kubernetes (MANAGEMENT_SERVER_PORT): Actuator, whose metrics count per
 * department, answers on the management port alone, which no deployment publishes; on the service's own port, which
 * the public reaches, there are no metrics at all. The health checks and Prometheus use the management port.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIntegrationTest extends AnalyticsIntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void givenAManagementPort_whenMetricsAndHealthAreAsked_thenOnlyItAnswersThem() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        // Answered there (UP or, while an indicator of this test's second context is down, 503: either is an answer).
        HttpResponse<String> health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"status\":");
        HttpResponse<String> publicHealth = get(port, "/actuator/health");
        assertThat(publicHealth.statusCode()).as("nor is health on the public port").isEqualTo(404);
        assertThat(publicHealth.body()).doesNotContain("\"status\":\"UP\"", "\"status\":\"DOWN\"");

        HttpResponse<String> publicMetrics = get(port, "/actuator/prometheus");
        assertThat(publicMetrics.statusCode()).isNotEqualTo(200);
        assertThat(publicMetrics.body()).doesNotContain("jvm_memory_used_bytes");
        assertThat(get(port, "/api/v1/stats/summary").statusCode()).as("the service itself is where it was").isEqualTo(200);
    }

    @Test
    void givenTheServicesOwnPort_whenKubernetesProbesIt_thenLivezAndReadyzAnswerThereWithTheirStateOnly() throws Exception {
        // Kubernetes' readiness probe asks the service's own connector (docs/k8s), so a wedged connector takes the pod
        // out of the Service even while the management port still answers.
        for (String path : List.of("/livez", "/readyz")) {
            HttpResponse<String> probe = get(port, path);
            assertThat(probe.statusCode()).as(path).isEqualTo(200);
            assertThat(probe.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
