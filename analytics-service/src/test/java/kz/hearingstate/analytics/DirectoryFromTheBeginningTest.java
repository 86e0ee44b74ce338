package kz.hearingstate.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.directory.DepartmentEntry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh data directory: routing published the whole directory before this analytics instance (a new
 * consumer group, an empty database) subscribed. It must read departments.directory from its beginning
 * and know all ten departments and the settlement list, not only what is published after it started.
 */
class DirectoryFromTheBeginningTest extends AnalyticsIntegrationTest {

    @Test
    void givenTheDirectoryPublishedBeforeAnalyticsSubscribed_whenAFreshInstanceStarts_thenItKnowsEveryDepartment() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (String[] d : PublicPageBrowserTest.DIRECTORY) {
            send(TestEvents.department(d[0], 1, d[1], d[2], d[3], d[4], Boolean.parseBoolean(d[5]),
                    Boolean.parseBoolean(d[6]), at));
        }
        send(TestEvents.settlements(1, at));
        List<String> codes = Arrays.stream(PublicPageBrowserTest.DIRECTORY).map(d -> d[0]).toList();
        await().atMost(Duration.ofSeconds(20)).until(
                () -> getJson("/api/v1/public/departments").findValuesAsString("code").containsAll(codes));

        String group = "analytics-fresh-" + System.nanoTime();
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(AnalyticsApplication.class).run(
                "--server.port=0", kz.hearingstate.testing.SecondInstance.WITHOUT_CONSUMER_LAG_GAUGE,
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + MONGO.uri(group),
                "--spring.mongodb.database=" + group,
                "--spring.cloud.function.definition=recordDirectoryChange",
                "--spring.cloud.stream.bindings.recordDirectoryChange-in-0.group=" + group)) {
            // Started and closed within seconds: without the binder's consumer-lag gauge (SecondInstance).
            assertThat(fresh.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .find("spring.cloud.stream.binder.kafka.offset").gauges()).isEmpty();
            DepartmentDirectory directory = fresh.getBean(DepartmentDirectory.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(directory.publicDepartments()).extracting(DepartmentEntry::code).containsAll(codes);
                assertThat(directory.settlements()).isNotEmpty();
            });
        }
    }
}
