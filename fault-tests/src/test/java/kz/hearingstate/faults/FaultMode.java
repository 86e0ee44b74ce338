package kz.hearingstate.faults;

import java.time.Duration;

/**
 * How hard the suite pushes. {@code short} (the default, CI's) keeps the whole suite near four minutes on
 * two cores; {@code long} ({@code -Dfaults.mode=long}) is the full version: the MongoDB-wire
 * server down for 30 s, the broker for 30 s, five rebalance cycles and a heavier load. The rates stay
 * below what notification-service delivers on a busy 2-core machine (about 4 e-mails/s measured), since
 * every appeal must be notified before a scenario's check.
 */
record FaultMode(String name, double appealsPerSecond, Duration brokerDown, Duration mongoDown,
                 int rebalanceCycles, Duration deadLetterOutage, Duration settle) {

    static FaultMode current() {
        return "long".equalsIgnoreCase(System.getProperty("faults.mode", "short"))
                ? new FaultMode("long", 10, Duration.ofSeconds(30), Duration.ofSeconds(30), 5, Duration.ofSeconds(20),
                        Duration.ofMinutes(6))
                : new FaultMode("short", 4, Duration.ofSeconds(8), Duration.ofSeconds(10), 2, Duration.ofSeconds(8),
                        Duration.ofMinutes(3));
    }
}
