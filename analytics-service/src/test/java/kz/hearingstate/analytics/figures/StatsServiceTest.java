package kz.hearingstate.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import kz.hearingstate.analytics.TestEvents;
import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.events.Language;
import org.junit.jupiter.api.Test;

class StatsServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-20T06:00:00Z");
    private static final Period MARCH = new Period(Instant.parse("2026-03-01T00:00:00Z"), NOW);

    private final SlowFacts facts = new SlowFacts();
    private final StatsService stats = new StatsService(facts, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Almaty"),
            Duration.ofDays(30));

    @Test
    void givenASummaryBeingComputed_whenTheSameIsAskedMeanwhile_thenBothGetItFromOneRead() throws Exception {
        FutureTask<Summary> first = new FutureTask<>(() -> stats.summary(MARCH));
        FutureTask<Summary> second = new FutureTask<>(() -> stats.summary(MARCH));
        startTheSecondWhileTheFirstReads(first, second);

        facts.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).figures().received()).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get());
        assertThat(facts.reads).hasValue(1);
    }

    @Test
    void givenASummaryOfPartOfAMonthComputedBefore_whenAskedAgain_thenItIsReadAgain_andAnotherPeriodIsItsOwnRead() {
        facts.release.countDown();

        stats.summary(MARCH);
        stats.summary(MARCH);
        stats.departments(MARCH);
        stats.summary(Period.allTime());

        assertThat(facts.reads).hasValue(4);
    }

    @Test
    void givenASummaryBeingComputed_whenItsReadFailsWithAnError_thenTheRequestWaitingForItFailsToo_andDoesNotHang()
            throws Exception {
        facts.failure = new OutOfMemoryError("Java heap space (test)");
        FutureTask<Summary> first = new FutureTask<>(() -> stats.summary(MARCH));
        FutureTask<Summary> second = new FutureTask<>(() -> stats.summary(MARCH));
        startTheSecondWhileTheFirstReads(first, second);

        facts.release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void givenFiguresOfAllTimeComputedBefore_whenAskedAgain_thenTheMonthIsNotReadAgain_untilItsCounterMoves() {
        facts.release.countDown();

        stats.summary(Period.allTime());
        stats.departments(Period.allTime());
        Summary again = stats.summary(Period.allTime());
        assertThat(facts.reads).hasValue(1);
        facts.marchChanges = 2;
        Summary afterAWrite = stats.summary(Period.allTime());

        assertThat(facts.reads).hasValue(2);
        assertThat(again.figures().received()).isEqualTo(1);
        assertThat(afterAWrite.figures()).isEqualTo(again.figures());
    }

    @Test
    void givenEveryPlaceToComputeTaken_whenOtherFiguresAreAsked_thenTheyAreRefusedAfterTheWait_andTheSameOnesStillJoin()
            throws Exception {
        StatsService oneAtOnce = new StatsService(facts, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Almaty"),
                Duration.ofDays(30), Set::of, null, 1, Duration.ofMillis(200));
        FutureTask<Summary> first = new FutureTask<>(() -> oneAtOnce.summary(MARCH));
        new Thread(first).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> facts.reads.get() == 1);
        FutureTask<Summary> same = new FutureTask<>(() -> oneAtOnce.summary(MARCH));
        new Thread(same).start();

        assertThatThrownBy(() -> oneAtOnce.summary(Period.allTime())).isInstanceOf(FiguresBusyException.class)
                .satisfies(e -> assertThat(((FiguresBusyException) e).retryAfter()).isPositive());
        facts.release.countDown();
        assertThat(same.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
        assertThat(oneAtOnce.summary(Period.allTime()).figures().received()).as("a place is free again").isEqualTo(1);
    }

    private void startTheSecondWhileTheFirstReads(FutureTask<Summary> first, FutureTask<Summary> second) {
        new Thread(first).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> facts.reads.get() == 1);
        Thread waiting = new Thread(second);
        waiting.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.getState() == Thread.State.WAITING);
    }

    /**
     * One appeal received in March, read only once {@link #release} opens (or {@link #failure} thrown then); March is
     * a listed month of receipt.
     */
    private static final class SlowFacts extends AppealFacts {
        static final Instant RECEIVED = Instant.parse("2026-03-02T04:00:00Z");
        final AtomicInteger reads = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile Error failure;
        volatile long marchChanges = 1;

        SlowFacts() {
            super(null);
        }

        @Override
        public Map<YearMonth, Long> receiptMonths() {
            return Map.of(YearMonth.of(2026, 3), marchChanges);
        }

        @Override
        public List<AppealFact> receivedBetween(Instant from, Instant to, String department) {
            if (RECEIVED.isBefore(from) || !RECEIVED.isBefore(to)) {
                return List.of(); // the time around the month: nothing there, and not counted as a read of it
            }
            reads.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            AppealFact fact = new AppealFact("a1");
            fact.apply(TestEvents.submitted("a1", "web", Language.kk, null, null, null, null,
                    RECEIVED, Instant.parse("2026-03-12T13:00:00Z")), 0.01);
            return List.of(fact);
        }
    }
}
