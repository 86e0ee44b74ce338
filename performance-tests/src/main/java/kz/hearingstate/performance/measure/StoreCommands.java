package kz.hearingstate.performance.measure;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import org.bson.Document;

/**
 * The commands each collection of the store received so far and the server time they took, from MongoDB's
 * {@code top} (the local MongoDB-wire server answers it too): {@link #since} gives what a drain added, per
 * appeal, which says which service's round trips the store spends its CPU on.
 *
 * @param byNamespace for each {@code database.collection}, {@code top}'s groups ({@code total}, {@code queries},
 *                    {@code insert}...) with what each counted
 */
public record StoreCommands(Map<String, Map<String, Tally>> byNamespace) {

    /** {@code top}'s groups besides {@code total}, in its order. */
    static final List<String> KINDS = List.of("queries", "getmore", "insert", "update", "remove", "commands");
    private static final Tally NONE = new Tally(0, 0);

    /** One collection's commands per appeal, and the server's milliseconds per appeal for them. */
    public record PerAppeal(double commands, double serverMillis) {
    }

    /** Commands (round trips) and the server's time for them, in microseconds. */
    public record Tally(long count, long micros) {

        Tally minus(Tally earlier) {
            return new Tally(count - earlier.count, micros - earlier.micros);
        }
    }

    /** The store's counts now; empty where the server does not answer {@code top}. */
    public static StoreCommands of(MongoClient client) {
        Map<String, Map<String, Tally>> byNamespace = new LinkedHashMap<>();
        try {
            Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);
            totals.forEach((namespace, groups) -> {
                if (groups instanceof Document kinds) {
                    Map<String, Tally> tallies = new LinkedHashMap<>();
                    kinds.forEach((kind, tally) -> {
                        if (tally instanceof Document counted) {
                            tallies.put(kind, new Tally(((Number) counted.get("count")).longValue(),
                                    ((Number) counted.get("time")).longValue()));
                        }
                    });
                    byNamespace.put(namespace, tallies);
                }
            });
        } catch (RuntimeException notAnswered) {
            return new StoreCommands(Map.of());
        }
        return new StoreCommands(byNamespace);
    }

    /**
     * What each collection received since {@code earlier}, divided by {@code appeals} (two decimals), the costliest
     * first; for the report's table of a run.
     */
    public Map<String, PerAppeal> perAppealSince(StoreCommands earlier, int appeals) {
        Map<String, PerAppeal> perAppeal = new LinkedHashMap<>();
        addedSince(earlier).forEach((namespace, kinds) -> {
            Tally total = kinds.get("total");
            perAppeal.put(namespace, new PerAppeal(Math.round(100.0 * total.count() / appeals) / 100.0,
                    Math.round(total.micros() / 10.0 / appeals) / 100.0));
        });
        return perAppeal;
    }

    /**
     * What was added since {@code earlier}, per appeal, the costliest collection first, and in it each kind of command:
     * "routing.appeals 3.00 0.52 ms (queries 2.00 0.12, update 1.00 0.40)" is three commands per appeal taking the
     * server 0.52 ms, two of them reads taking 0.12 ms.
     */
    public String since(StoreCommands earlier, int appeals) {
        Map<String, Map<String, Tally>> added = addedSince(earlier);
        long commands = added.values().stream().mapToLong(kinds -> kinds.get("total").count()).sum();
        long micros = added.values().stream().mapToLong(kinds -> kinds.get("total").micros()).sum();
        return String.format(Locale.ROOT, "store commands per appeal %.2f (%.2f ms of the server):", (double) commands / appeals,
                micros / 1000.0 / appeals)
                + added.entrySet().stream()
                        .map(e -> " " + e.getKey() + " " + perAppeal(e.getValue().get("total"), appeals) + " ms"
                                + KINDS.stream().filter(kind -> e.getValue().getOrDefault(kind, NONE).count() > 0)
                                        .map(kind -> kind + " " + perAppeal(e.getValue().get(kind), appeals))
                                        .collect(Collectors.joining(", ", " (", ")")))
                        .collect(Collectors.joining(","));
    }

    /**
     * Each collection's groups as they grew since {@code earlier}, the collections that received a command only, the
     * costliest (by the server's time) first.
     */
    private Map<String, Map<String, Tally>> addedSince(StoreCommands earlier) {
        Map<String, Map<String, Tally>> added = new LinkedHashMap<>();
        byNamespace.forEach((namespace, now) -> {
            Map<String, Tally> before = earlier.byNamespace().getOrDefault(namespace, Map.of());
            Map<String, Tally> grown = new LinkedHashMap<>();
            now.forEach((kind, tally) -> grown.put(kind, tally.minus(before.getOrDefault(kind, NONE))));
            if (grown.getOrDefault("total", NONE).count() > 0) {
                added.put(namespace, grown);
            }
        });
        return added.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Tally>> e) -> e.getValue().get("total").micros())
                        .reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new));
    }

    private static String perAppeal(Tally tally, int appeals) {
        return String.format(Locale.ROOT, "%.2f %.2f", (double) tally.count() / appeals, tally.micros() / 1000.0 / appeals);
    }
}
