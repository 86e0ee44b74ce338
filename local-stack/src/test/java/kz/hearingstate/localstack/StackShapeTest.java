package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** run.sh's shape options: where the cluster's nodes and the second instances listen. */
class StackShapeTest {

    private final Path root = Path.of("/checkout");

    @Test
    void givenNoShapeOption_whenTheDeveloperStackIsConfigured_thenOneBrokerAndOneInstanceOfEachService() {
        StackSettings settings = LocalStackMain.settingsFor(root, Map.of(), List.of("--demo"));

        assertThat(settings.kafkaNodes()).containsExactly(new StackShape.KafkaNode(9092, 9093));
        assertThat(settings.shape().secondInstances()).isEmpty();
        assertThat(settings.shape().replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.shape().minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void givenBothShapeOptions_whenTheDeveloperStackIsConfigured_thenThreeNodesAndASecondInstanceOfEachServiceOnTheDocumentedPorts() {
        StackSettings settings = LocalStackMain.settingsFor(root, Map.of(),
                List.of(LocalStackMain.KAFKA_CLUSTER, LocalStackMain.TWO_INSTANCES));

        assertThat(settings.kafkaNodes()).containsExactly(new StackShape.KafkaNode(9092, 9093),
                new StackShape.KafkaNode(9192, 9193), new StackShape.KafkaNode(9292, 9293));
        assertThat(KafkaBroker.bootstrapServers(settings)).isEqualTo("127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292");
        assertThat(settings.shape().replicationFactor()).isEqualTo((short) 3);
        assertThat(settings.shape().minInsyncReplicas()).isEqualTo(2);
        assertThat(settings.shape().secondInstances()).isEqualTo(Map.of(StackService.INTAKE, 8091,
                StackService.ROUTING, 8092, StackService.NOTIFICATION, 8093, StackService.ANALYTICS, 8094));
    }

    @Test
    void givenTwoBrokers_whenAShapeIsMade_thenItIsRefused() {
        assertThatThrownBy(() -> new StackShape(List.of(new StackShape.KafkaNode(1, 2)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 2");
    }
}
