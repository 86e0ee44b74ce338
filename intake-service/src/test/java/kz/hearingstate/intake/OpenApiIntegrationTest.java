package kz.hearingstate.intake;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIntegrationTest extends IntakeIntegrationTest {

    @Test
    void givenTheRunningService_whenItsApiDescriptionIsRead_thenItIsOpenApi31WithEveryEndpointAndExamples() {
        JsonNode api = body(get("/v3/api-docs"));

        assertThat(api.get("openapi").asString()).startsWith("3.1");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/appeals", "/api/v1/appeals/{trackingCode}",
                "/api/v1/appeals/{trackingCode}/feedback", "/api/v1/appeals/{trackingCode}/replies",
                "/api/v1/appeals/access/{secret}", "/api/v1/appeals/access/{secret}/feedback",
                "/api/v1/appeals/access/{secret}/replies",
                "/open311/v2/services.{format}", "/open311/v2/requests.{format}");
        assertThat(api.at("/paths/~1api~1v1~1appeals/post/requestBody/content").toString()).contains("complaint");
        assertThat(api.at("/paths/~1api~1v1~1appeals/post/responses").propertyNames()).contains("202", "400", "401", "413", "415", "429", "503");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
