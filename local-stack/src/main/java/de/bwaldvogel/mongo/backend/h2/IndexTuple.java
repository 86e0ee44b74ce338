package de.bwaldvogel.mongo.backend.h2;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

/**
 * An index key as the MVStore keeps it: the indexed values (and, in a secondary index, the document's
 * position last), ordered as MongoDB orders values. H2 compares two keys of a class it does not know
 * with {@link Comparable#compareTo} when they implement it, and otherwise by serialising both and comparing
 * the bytes; mongo-java-server's {@link KeyValue} is not comparable, so every lookup in its unique indexes
 * serialised both keys at every step of the B-tree search. This key compares its values directly.
 *
 * <p>{@link #lowest} and {@link #highest} build search bounds: {@link MinKey} and {@link MaxKey} sort before
 * and after every stored value, so {@code (v, MinKey)} to {@code (v, MaxKey)} spans every key starting with v.
 */
final class IndexTuple implements Comparable<IndexTuple>, Serializable {

    private static final long serialVersionUID = 1L;

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private final Object[] values;

    IndexTuple(Object... values) {
        this.values = values;
    }

    static IndexTuple of(KeyValue keyValue) {
        return new IndexTuple(keyValue.stream().toArray());
    }

    /** The key of a secondary index's entry: the document's indexed values, then its position. */
    static IndexTuple of(KeyValue keyValue, Object position) {
        List<Object> values = new ArrayList<>(keyValue.size() + 1);
        keyValue.forEach(values::add);
        values.add(position);
        return new IndexTuple(values.toArray());
    }

    static IndexTuple lowest(List<Object> prefix) {
        return bound(prefix, MinKey.getInstance());
    }

    static IndexTuple highest(List<Object> prefix) {
        return bound(prefix, MaxKey.getInstance());
    }

    private static IndexTuple bound(List<Object> prefix, Object sentinel) {
        Object[] values = Arrays.copyOf(prefix.toArray(), prefix.size() + 1);
        values[prefix.size()] = sentinel;
        return new IndexTuple(values);
    }

    KeyValue keyValue() {
        return new KeyValue(Arrays.asList(values));
    }

    int size() {
        return values.length;
    }

    Object get(int index) {
        return values[index];
    }

    Object last() {
        return values[values.length - 1];
    }

    @Override
    public int compareTo(IndexTuple other) {
        int common = Math.min(values.length, other.values.length);
        for (int i = 0; i < common; i++) {
            int cmp = compare(values[i], other.values[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(values.length, other.values.length);
    }

    /**
     * MongoDB's order, with strings and instants (most keys) compared at once: the general comparator first
     * ranks both values' types, and a B-tree search of a million keys makes some twenty comparisons a lookup.
     */
    private static int compare(Object a, Object b) {
        if (a instanceof String first && b instanceof String second) {
            return first.compareTo(second); // as ValueComparator compares two strings
        }
        if (a instanceof Instant first && b instanceof Instant second) {
            return first.compareTo(second);
        }
        return ORDER.compare(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexTuple other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        // compareTo equates values equals() would not (1 and 1.0): only the length is safe to hash
        return values.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
