package kz.hearingstate.routing.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventSchemas;
import kz.hearingstate.routing.RoutingApplication;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two routing instances (the shared test context and a second application on the same broker and
 * MongoDB), both running the timer every 200 ms on the same clock: each appeal's warning, breach and
 * escalation are published exactly once, also when the second instance restarts in between.
 */
class TimersTwoInstancesIntegrationTest extends RoutingIntegrationTest {

    private static final LegalClock LEGAL_CLOCK = LegalClock.kazakhstan();

    private ConfigurableApplicationContext secondInstance() {
        // Command-line arguments, so they win over application.yml like the test context's properties do.
        return new SpringApplicationBuilder(RoutingApplication.class, SharedClock.class).run(
                "--server.port=0", kz.hearingstate.testing.SecondInstance.WITHOUT_CONSUMER_LAG_GAUGE,
                "--spring.profiles.active=local",
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--spring.mongodb.uri=" + MONGO.uri("routing"),
                "--hearing.routing.timers.interval=200ms",
                "--hearing.routing.timers.republish-after=1s");
    }

    @Test
    void givenTwoInstances_whenTheWarningAndTheDeadlinePass_thenEachTimerEventIsPublishedOncePerAppeal() throws Exception {
        ConfigurableApplicationContext second = secondInstance();
        try {
            List<AppealSubmitted> appeals = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                AppealSubmitted appeal = Appeals.submitted("Жолда үлкен шұңқырлар бар, жөндеу керек. №" + i, Language.kk, CLOCK.instant());
                appeals.add(appeal);
                submit(appeal);
            }
            Instant deadline = null;
            for (AppealSubmitted appeal : appeals) {
                var routed = awaitEvents(appeal.appealId(), LifecycleType.ROUTED.eventType(), 1).getFirst();
                Instant d = Instant.parse(body(routed).get("deadline").asString());
                deadline = deadline == null || d.isBefore(deadline) ? d : deadline;
            }

            CLOCK.set(LEGAL_CLOCK.warningAt(deadline, 2).plus(Duration.ofMinutes(1)));
            for (AppealSubmitted appeal : appeals) {
                awaitEvents(appeal.appealId(), LifecycleType.SLA_WARNING.eventType(), 1);
            }

            var atRisk = json(get("/api/v1/appeals/at-risk?size=200", departmentKey("akim-office")));
            assertThat(atRisk.get("items").valueStream().map(i -> i.get("appealId").asString()))
                    .containsAll(appeals.stream().map(AppealSubmitted::appealId).toList());
            // The akim's office's list is not roads-transport's: answered as not found.
            assertThat(get("/api/v1/appeals/at-risk", departmentKey("roads-transport")).statusCode()).isEqualTo(404);

            second.close(); // a restart in between
            second = secondInstance();

            CLOCK.set(deadline.plus(Duration.ofMinutes(1)));
            for (AppealSubmitted appeal : appeals) {
                awaitEvents(appeal.appealId(), LifecycleType.ESCALATED.eventType(), 1);
            }
            Thread.sleep(2000); // ten more timer rounds on each instance

            for (AppealSubmitted appeal : appeals) {
                var warnings = recorder().ofType(appeal.appealId(), LifecycleType.SLA_WARNING.eventType());
                var breaches = recorder().ofType(appeal.appealId(), LifecycleType.SLA_BREACHED.eventType());
                var escalations = recorder().ofType(appeal.appealId(), LifecycleType.ESCALATED.eventType());
                assertThat(warnings).hasSize(1);
                assertThat(breaches).hasSize(1);
                assertThat(escalations).hasSize(1);
                assertThat(EventSchemas.violations(warnings.getFirst().type(), body(warnings.getFirst()))).isEmpty();
                assertThat(EventSchemas.violations(escalations.getFirst().type(), body(escalations.getFirst()))).isEmpty();
                assertThat(body(escalations.getFirst()).get("reason").asString()).contains("akim-office");
                assertThat(recorder().forKey(appeal.appealId()).stream().map(r -> r.id()).distinct().count())
                        .isEqualTo(recorder().forKey(appeal.appealId()).size());
            }
        } finally {
            second.close();
        }
    }
}
