package kz.hearingstate.faults;

import java.time.Duration;

/**
 * How hard the suite pushes. {@code short} (the default, CI's; about 4 minutes on 2 cores, 8 to 9 beside
 * other stacks and builds): 2 appeals/s, the broker down 8 s and the MongoDB-wire server 10 s (30 s is
 * long mode's), 3 rebalance cycles. {@code long} ({@code -Dfaults.mode=long}) is the full version: the
 * MongoDB-wire server and the broker down 30 s each, 10 rebalance cycles and 10 appeals/s. Rates stay below
 * what notification-service delivers on a busy 2-core machine, since every appeal must be notified before a
 * scenario's check; {@code settle} bounds that wait (it returns as soon as the ledger balances).
 *
 * <p>On the cluster shape ({@link ClusterFailoverIntegrationTest}): {@code failoverAppealsPerSecond} while one broker is
 * killed and the {@code failoverWindow} after it (whose answers must come within 2 s), and whether intake runs a
 * second instance too (long mode; short mode starts only routing's, notification's and analytics', to keep CI short).
 */
record FaultMode(String name, double appealsPerSecond, Duration brokerDown, Duration mongoDown,
                 int rebalanceCycles, Duration deadLetterOutage, Duration settle,
                 double failoverAppealsPerSecond, Duration failoverWindow, boolean secondIntake) {

    static FaultMode current() {
        return "long".equalsIgnoreCase(System.getProperty("faults.mode", "short"))
                ? new FaultMode("long", 10, Duration.ofSeconds(30), Duration.ofSeconds(30), 10, Duration.ofSeconds(20),
                        Duration.ofMinutes(6), 10, Duration.ofSeconds(30), true)
                : new FaultMode("short", 2, Duration.ofSeconds(8), Duration.ofSeconds(10), 3, Duration.ofSeconds(8),
                        Duration.ofMinutes(3), 3, Duration.ofSeconds(15), false);
    }
}
