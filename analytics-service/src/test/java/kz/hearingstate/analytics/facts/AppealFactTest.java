package kz.hearingstate.analytics.facts;

import static kz.hearingstate.analytics.TestEvents.feedback;
import static kz.hearingstate.analytics.TestEvents.lifecycle;
import static kz.hearingstate.analytics.TestEvents.outcome;
import static kz.hearingstate.analytics.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.NotificationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.json.JsonMapper;

class AppealFactTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T04:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-12T13:00:00Z");
    private static final Instant EXTENDED = Instant.parse("2026-03-20T13:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void givenASubmittedAppeal_whenApplied_thenOnlyFactsWithoutPersonalDataAreKept() {
        AppealFact fact = new AppealFact("a1");
        fact.apply(submitted("a1", "web", Language.kk, "roads", "Uzynagash", 43.2567, 76.9876, RECEIVED, DEADLINE), 0.01);

        assertThat(fact.getSettlement()).as("the free text is never kept; routing names the settlement").isNull();
        assertThat(fact.getGeoCell()).isEqualTo("43.25:76.98");
        assertThat(fact.getCategory()).isEqualTo("roads");
        assertThat(fact.getStatus()).isEqualTo(AppealStatus.SUBMITTED);
        String stored = JSON.writeValueAsString(fact);
        assertThat(stored).doesNotContain("Aigerim", "900101350123", "+7701", "example.kz", "potholes near", "Abai", "43.2567");
    }

    @Test
    void givenAFreeTextSettlementAndRoutingsCode_whenApplied_thenOnlyTheCodeIsKept() {
        AppealFact fact = new AppealFact("a2");
        fact.apply(submitted("a2", "web", Language.kk, null, "Aigerim +77011234567", null, null, RECEIVED, DEADLINE), 0.01);
        fact.apply(lifecycle("a2", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "roads", DEADLINE, RECEIVED));

        assertThat(fact.getSettlement()).isEqualTo("other");
        assertThat(JSON.writeValueAsString(fact)).doesNotContain("Aigerim", "+7701");
    }

    @Test
    void givenAnAnonymousAppealRoutingsRuleRejects_whenApplied_thenItIsClosedButNoDepartmentsActNorCountedTowardTheSla() {
        AppealFact byRule = new AppealFact("a3");
        byRule.apply(submitted("a3", "web", Language.ru, null, null, null, null, RECEIVED, DEADLINE), 0.01);
        byRule.apply(lifecycle("a3", 1, LifecycleType.REJECTED, AppealStatus.REJECTED, null, null, null, RECEIVED.plusSeconds(5)));

        assertThat(byRule.getClosedAt()).isNotNull();
        assertThat(byRule.getFirstActionAt()).as("no department acted").isNull();
        assertThat(byRule.countsTowardSla()).isFalse();

        AppealFact byDepartment = new AppealFact("a4");
        byDepartment.apply(submitted("a4", "web", Language.ru, null, null, null, null, RECEIVED, DEADLINE), 0.01);
        byDepartment.apply(lifecycle("a4", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "roads", DEADLINE, RECEIVED));
        byDepartment.apply(lifecycle("a4", 2, LifecycleType.REJECTED, AppealStatus.REJECTED, "roads", null, null, RECEIVED.plusSeconds(3600)));
        assertThat(byDepartment.getFirstActionAt()).isEqualTo(RECEIVED.plusSeconds(3600));
        assertThat(byDepartment.countsTowardSla()).isTrue();
    }

    @Test
    void givenALifecycleEvent_whenRedeliveredOrStale_thenNothingChanges() {
        AppealFact fact = new AppealFact("a1");
        assertThat(fact.apply(lifecycle("a1", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "potholes", DEADLINE, RECEIVED))).isTrue();
        assertThat(fact.apply(lifecycle("a1", 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS, "roads", null, null, RECEIVED.plusSeconds(60)))).isTrue();

        assertThat(fact.apply(lifecycle("a1", 2, LifecycleType.ACCEPTED, AppealStatus.IN_PROGRESS, "roads", null, null, RECEIVED.plusSeconds(60)))).isFalse();
        assertThat(fact.apply(lifecycle("a1", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "potholes", DEADLINE, RECEIVED))).isFalse();
        assertThat(fact.getStatus()).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(fact.getLastSequence()).isEqualTo(2);
    }

    @Test
    void givenAnAnswerAfterTheExtendedDeadlineWasMoved_whenClosed_thenOnTimeIsJudgedAgainstTheNewDeadline() {
        AppealFact fact = new AppealFact("a1");
        fact.apply(lifecycle("a1", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "potholes", DEADLINE, RECEIVED));
        fact.apply(lifecycle("a1", 2, LifecycleType.EXTENDED, AppealStatus.IN_PROGRESS, "roads", null, EXTENDED, RECEIVED.plusSeconds(3600)));
        fact.apply(lifecycle("a1", 3, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "roads", null, null, Instant.parse("2026-03-15T10:00:00Z")));

        assertThat(fact.getFirstActionAt()).isEqualTo(RECEIVED.plusSeconds(3600));
        assertThat(fact.isClosedOnTime()).isTrue();
        assertThat(fact.isOverdue(Instant.parse("2026-04-01T00:00:00Z"))).isFalse();
    }

    @Test
    void givenAnAppealWaitingForTheCitizen_whenItsDeadlinePasses_thenItIsNotOverdueUntilTheClockRunsAgain() {
        AppealFact fact = new AppealFact("a1");
        fact.apply(lifecycle("a1", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "potholes", DEADLINE, RECEIVED));
        fact.apply(lifecycle("a1", 2, LifecycleType.INFO_REQUESTED, AppealStatus.INFO_REQUESTED, "roads", null, null,
                RECEIVED.plusSeconds(3600)));
        Instant afterTheDeadline = DEADLINE.plusSeconds(86_400);

        assertThat(fact.isOverdue(afterTheDeadline)).isFalse();

        fact.apply(lifecycle("a1", 3, LifecycleType.INFO_PROVIDED, AppealStatus.IN_PROGRESS, "roads", null, null,
                RECEIVED.plusSeconds(7200)));
        assertThat(fact.isOverdue(afterTheDeadline)).isTrue();
    }

    @Test
    void givenAReopenedAppeal_whenAnsweredAgain_thenTheFirstAnswerTimeStaysAndTheReopenIsCounted() {
        AppealFact fact = new AppealFact("a1");
        Instant firstAnswer = Instant.parse("2026-03-04T04:00:00Z");
        fact.apply(lifecycle("a1", 1, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "roads", null, DEADLINE, firstAnswer));
        fact.apply(lifecycle("a1", 2, LifecycleType.REOPENED, AppealStatus.IN_PROGRESS, "roads", null, null, firstAnswer.plusSeconds(86400)));
        assertThat(fact.isOpen()).isTrue();
        assertThat(fact.getClosedAt()).isNull();
        fact.apply(lifecycle("a1", 3, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "roads", null, null, firstAnswer.plusSeconds(2 * 86400)));

        assertThat(fact.getAnsweredAt()).isEqualTo(firstAnswer);
        assertThat(fact.getClosedAt()).isEqualTo(firstAnswer.plusSeconds(2 * 86400));
        assertThat(fact.getReopenCount()).isEqualTo(1);
    }

    @Test
    void givenAnAnnouncedBreach_whenAnsweredBeforeTheDeadlineFieldSays_thenItIsNotOnTime() {
        AppealFact fact = new AppealFact("a1");
        fact.apply(lifecycle("a1", 1, LifecycleType.SLA_BREACHED, AppealStatus.IN_PROGRESS, "roads", null, DEADLINE, DEADLINE));
        fact.apply(lifecycle("a1", 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "roads", null, EXTENDED, DEADLINE.plusSeconds(60)));
        assertThat(fact.isClosedOnTime()).isFalse();
    }

    /** Any interleaving of the topics, with every event delivered twice, ends in the same fact. */
    @RepeatedTest(20)
    void givenEventsOfEveryTopic_whenAppliedInAnyOrderAndTwice_thenTheFactIsTheSame() {
        List<Predicate<AppealFact>> events = new ArrayList<>(List.of(
                f -> f.apply(submitted("a1", "sms", Language.ru, "hint", "Samsy", null, null, RECEIVED, DEADLINE), 0.01),
                f -> f.apply(feedback("fb-1", "a1", 2, false, RECEIVED.plusSeconds(500_000))),
                f -> f.apply(feedback("fb-2", "a1", 5, true, RECEIVED.plusSeconds(600_000))),
                f -> f.apply(outcome("n1", "a1", NotificationOutcome.DELIVERED, RECEIVED)),
                f -> f.apply(outcome("n2", "a1", NotificationOutcome.FAILED, RECEIVED))));
        List<Predicate<AppealFact>> lifecycle = List.of(
                f -> f.apply(lifecycle("a1", 1, LifecycleType.ROUTED, AppealStatus.ROUTED, "roads", "potholes", EXTENDED, RECEIVED.plusSeconds(60))),
                f -> f.apply(lifecycle("a1", 2, LifecycleType.ANSWERED, AppealStatus.ANSWERED, "roads", null, null, RECEIVED.plusSeconds(86_400))));
        List<Predicate<AppealFact>> others = new ArrayList<>(events);
        others.addAll(events);
        Random random = new Random();
        Collections.shuffle(others, random);
        // Lifecycle events keep their order among themselves (one partition), each delivered twice, and fall
        // anywhere between the others (other topics, other partitions).
        List<Predicate<AppealFact>> ordered = new ArrayList<>();
        lifecycle.forEach(step -> { ordered.add(step); ordered.add(step); });
        List<Predicate<AppealFact>> shuffled = new ArrayList<>();
        while (!others.isEmpty() || !ordered.isEmpty()) {
            boolean takeLifecycle = others.isEmpty() || (!ordered.isEmpty() && random.nextBoolean());
            shuffled.add((takeLifecycle ? ordered : others).removeFirst());
        }

        AppealFact inOrder = new AppealFact("a1");
        events.forEach(e -> e.test(inOrder));
        lifecycle.forEach(e -> e.test(inOrder));
        AppealFact anyOrder = new AppealFact("a1");
        shuffled.forEach(e -> e.test(anyOrder));

        assertThat(JSON.writeValueAsString(anyOrder)).isEqualTo(JSON.writeValueAsString(inOrder));
        assertThat(anyOrder.getCategory()).isEqualTo("potholes");
        assertThat(anyOrder.getDeadline()).isEqualTo(EXTENDED);
        assertThat(anyOrder.getRating()).isEqualTo(5);
        assertThat(anyOrder.getNotificationsDelivered()).isEqualTo(1);
        assertThat(anyOrder.getNotificationsFailed()).isEqualTo(1);
    }
}
