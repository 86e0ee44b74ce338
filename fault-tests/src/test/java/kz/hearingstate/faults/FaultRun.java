package kz.hearingstate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import kz.hearingstate.localstack.StackService;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every fault scenario shares: load from citizens while the fault happens, the record of every 202, and the
 * check that each acknowledged appeal is on {@code appeals.submitted}, routed, on an inbox, notified and counted
 * exactly once. One per suite: the appeals acknowledged by earlier scenarios stay under check in later ones.
 */
final class FaultRun {

    private final FaultStack stack;
    private final FaultMode mode;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, String> trackingCodes = new ConcurrentHashMap<>();

    FaultRun(FaultStack stack, FaultMode mode) {
        this.stack = stack;
        this.mode = mode;
    }

    /** appealId to tracking code of every acknowledged appeal so far. */
    Map<String, String> trackingCodes() {
        return trackingCodes;
    }

    /**
     * Submits {@code perSecond} appeals a second to intake, runs {@code fault} 2 s in, keeps the load 3 s after it,
     * and records every 202. Every answer must be 202, 503 or none, and at least one a 202.
     */
    List<AppealLoad.Outcome> underLoad(String run, double perSecond, Runnable fault) {
        AppealLoad load = AppealLoad.start(stack.baseUrlOf(StackService.INTAKE), stack.apiKey(),
                run + "-" + Long.toHexString(System.currentTimeMillis()), perSecond);
        List<AppealLoad.Outcome> outcomes;
        try {
            pause(Duration.ofSeconds(2));
            fault.run();
            pause(Duration.ofSeconds(3));
        } finally {
            outcomes = load.stop();
        }
        log(run + ": " + FaultReport.answers(outcomes));
        outcomes.stream().filter(AppealLoad.Outcome::acknowledged).forEach(o -> {
            acknowledged.add(o.appealId());
            if (o.trackingCode() != null) {
                trackingCodes.put(o.appealId(), o.trackingCode());
            }
        });
        assertThat(outcomes).as("submissions acknowledged during " + run).anyMatch(AppealLoad.Outcome::acknowledged);
        assertThat(outcomes).as("answers other than 202, 503 or no answer during " + run)
                .allSatisfy(o -> assertThat(o.status()).isIn(0, 202, 503));
        return outcomes;
    }

    /**
     * Waits (bounded; returns as soon as the ledger balances) until the platform has settled, then checks every
     * acknowledged appeal. Returns the figures for the report.
     */
    String assertEveryAcknowledgedAppealIsThereExactlyOnce() {
        Instant settleStarted = Instant.now();
        long deadline = System.nanoTime() + mode.settle().toNanos();
        PlatformLedger ledger;
        long counted;
        while (true) {
            ledger = PlatformLedger.read(stack.kafka());
            counted = stack.analyticsCount().orElse(-1);
            if (ledger.settled(acknowledged, counted) || System.nanoTime() > deadline) {
                break;
            }
            pause(Duration.ofSeconds(1));
        }
        assertThat(ledger.violations(acknowledged, acknowledged, counted))
                .as("what breaks 'every acknowledged appeal exactly once' (%d acknowledged, %d on the topic)",
                        acknowledged.size(), ledger.submitted.size())
                .isEmpty();
        long settledSeconds = Duration.between(settleStarted, Instant.now()).toSeconds();
        log("settled in " + settledSeconds + " s: " + acknowledged.size() + " acknowledged, " + ledger.submitted.size()
                + " on appeals.submitted, analytics counts " + counted);
        return "settled in " + settledSeconds + " s: all " + acknowledged.size() + " appeals acknowledged so far ("
                + ledger.submitted.size() + " on appeals.submitted) routed, on an inbox, notified and counted exactly once";
    }

    /** Members of a consumer group right now (each consumer binding of each instance is one), -1 when unknown. */
    static int members(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get(15, TimeUnit.SECONDS).get(group).members().size();
        } catch (Exception e) {
            return -1;
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(Duration.ofMillis(500));
        }
    }

    static void pause(Duration duration) {
        AppealLoad.sleep(duration.toMillis());
    }

    static void log(String line) {
        System.out.println(Instant.now() + " [faults] " + line);
    }
}
