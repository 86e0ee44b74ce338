package kz.hearingstate.localstack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The commands the server ran on each collection and the time they took, answered as MongoDB's {@code top}
 * command does ({@code totals."<database>.<collection>"}, with {@code total}, {@code queries}, {@code getmore},
 * {@code insert}, {@code update}, {@code remove} and {@code commands}, each a {@code count} and a {@code time} in
 * microseconds). The benchmark's drain divides them by its appeals: the round trips each service makes per appeal,
 * and what they cost the store.
 */
final class CommandStatistics {

    private final Map<String, Map<String, Tally>> byNamespace = new ConcurrentHashMap<>();

    private static final class Tally {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();

        void add(long took) {
            count.increment();
            nanos.add(took);
        }

        Document toDocument() {
            return new Document("time", nanos.sum() / 1_000).append("count", count.sum());
        }
    }

    /** Counts one command on the collection it names; commands on no collection ({@code hello}, {@code ping}) are not kept. */
    void record(String database, String command, Document query, long nanos) {
        Object target = "getMore".equalsIgnoreCase(command) ? query.get("collection") : query.get(command);
        if (!(target instanceof String collection)) {
            return;
        }
        Map<String, Tally> tallies = byNamespace.computeIfAbsent(database + "." + collection, n -> new ConcurrentHashMap<>());
        tallies.computeIfAbsent("total", k -> new Tally()).add(nanos);
        tallies.computeIfAbsent(kind(command), k -> new Tally()).add(nanos);
    }

    /** MongoDB's {@code top} groups: reads, cursors, the three writes, and everything else. */
    private static String kind(String command) {
        return switch (command) {
            case "find" -> "queries";
            case "getMore" -> "getmore";
            case "insert" -> "insert";
            case "update" -> "update";
            case "delete" -> "remove";
            default -> "commands";
        };
    }

    /** The answer to {@code top}. */
    Document toTop() {
        Document totals = new Document("note", "all times in microseconds");
        new TreeMap<>(byNamespace).forEach((namespace, tallies) -> {
            Document groups = new Document();
            for (String group : new String[] {"total", "queries", "getmore", "insert", "update", "remove", "commands"}) {
                Tally tally = tallies.get(group);
                groups.put(group, (tally == null ? new Tally() : tally).toDocument());
            }
            totals.put(namespace, groups);
        });
        return new Document("totals", totals).append("ok", 1.0);
    }
}
