package kz.hearingstate.performance.measure;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import org.bson.Document;

/**
 * The commands each collection of the store received so far and the server time they took, from MongoDB's
 * {@code top} (the local MongoDB-wire server answers it too): {@link #since} gives what a drain added, per
 * appeal, which says which service's round trips the store spends its CPU on.
 */
public record StoreCommands(Map<String, Tally> byNamespace) {

    /** Commands (round trips) and the server's time for them, in microseconds. */
    public record Tally(long count, long micros) {
    }

    /** The store's counts now; empty where the server does not answer {@code top}. */
    public static StoreCommands of(MongoClient client) {
        Map<String, Tally> byNamespace = new LinkedHashMap<>();
        try {
            Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);
            totals.forEach((namespace, groups) -> {
                if (groups instanceof Document kinds && kinds.get("total") instanceof Document total) {
                    byNamespace.put(namespace, new Tally(((Number) total.get("count")).longValue(),
                            ((Number) total.get("time")).longValue()));
                }
            });
        } catch (RuntimeException notAnswered) {
            return new StoreCommands(Map.of());
        }
        return new StoreCommands(byNamespace);
    }

    /**
     * What was added since {@code earlier}, per appeal, busiest collection first: "routing.appeals 3.00 (0.52 ms)"
     * is three commands per appeal taking the server 0.52 ms.
     */
    public String since(StoreCommands earlier, int appeals) {
        Map<String, Tally> added = new LinkedHashMap<>();
        byNamespace.forEach((namespace, now) -> {
            Tally before = earlier.byNamespace().getOrDefault(namespace, new Tally(0, 0));
            if (now.count() > before.count()) {
                added.put(namespace, new Tally(now.count() - before.count(), now.micros() - before.micros()));
            }
        });
        long commands = added.values().stream().mapToLong(Tally::count).sum();
        long micros = added.values().stream().mapToLong(Tally::micros).sum();
        return String.format(Locale.ROOT, "store commands per appeal %.2f (%.2f ms of the server):", (double) commands / appeals,
                micros / 1000.0 / appeals)
                + added.entrySet().stream()
                        .sorted(Comparator.comparingLong((Map.Entry<String, Tally> e) -> e.getValue().micros()).reversed())
                        .map(e -> String.format(Locale.ROOT, " %s %.2f (%.2f ms)", e.getKey(),
                                (double) e.getValue().count() / appeals, e.getValue().micros() / 1000.0 / appeals))
                        .collect(Collectors.joining(","));
    }
}
