package kz.hearingstate.analytics;

import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * A citizen typed their name and phone number into the settlement field of five appeals of one morning.
 * Routing puts "other" on the lifecycle events; analytics never reads the free text, so neither the
 * summary, the hotspots nor incidents.detected hold it, while the appeals still count and still make a
 * hotspot (by their area).
 */
class FreeTextSettlementTest extends AnalyticsIntegrationTest {

    private static final String FREE_TEXT = TestEvents.CITIZEN_NAME + " " + TestEvents.CITIZEN_PHONE;
    private static final String PERIOD = "from=2026-03-18T02:00:00Z&to=2026-03-18T03:00:00Z";

    @Test
    void givenANameAndAPhoneNumberAsSettlement_whenCountedAndASurgeIsFound_thenNoPublicFigureHoldsThem() {
        Instant start = Instant.parse("2026-03-18T02:00:00Z");
        for (int i = 1; i <= 5; i++) {
            String id = "free-text-" + i;
            Instant received = start.plus(Duration.ofMinutes(10L * i));
            send(submitted(id, "web", Language.ru, null, FREE_TEXT, 43.25, 76.95, received, received.plus(Duration.ofDays(15))));
            send(lifecycle(id, 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "utilities", "sewage",
                    received.plus(Duration.ofDays(15)), received.plus(Duration.ofMinutes(1))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getJson("/api/v1/stats/hotspots").findValuesAsString("category")).contains("sewage"));

        String summary = get("/api/v1/stats/summary?" + PERIOD).body();
        assertThat(getJson("/api/v1/stats/summary?" + PERIOD).get("bySettlement").properties())
                .extracting(Map.Entry::getKey).containsExactly("other");
        String hotspots = get("/api/v1/stats/hotspots").body();
        String incidents = String.join("\n", incidentRecords());
        assertThat(incidents).contains("sewage");
        for (String published : List.of(summary, hotspots, incidents)) {
            assertThat(published).doesNotContain(TestEvents.CITIZEN_NAME).doesNotContain(TestEvents.CITIZEN_PHONE)
                    .doesNotContain("Aigerim");
        }
    }

    private List<String> incidentRecords() {
        Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "free-text-test-" + System.nanoTime(), false);
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.INCIDENTS_DETECTED));
            List<String> values = new ArrayList<>();
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(3)).forEach(record -> values.add(record.value()));
            return values;
        }
    }
}
