package de.bwaldvogel.mongo.backend.h2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.TopLevelFields;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index, which mongo-java-server 1.47 accepts and then ignores (every query on such a field
 * scanned the whole collection). One entry per document and indexed value: the key's values then the
 * document's position, so equal values sort together and a lookup is a range of the MVStore map.
 *
 * <p>It serves a query with equality ({@code v}, {@code $eq}, {@code $in}) on a prefix of its keys and
 * optionally a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on the next, at the top level or
 * inside {@code $and}. Those conditions only narrow the candidates: the collection applies the whole query
 * to every document found, so using a subset of them is always correct. Everything else (null, {@code $ne},
 * {@code $or}, regular expressions, sub-documents) leaves the query to a scan, as before.
 *
 * <p>The map is rebuilt whenever the database opens ({@link KeyLookupH2Database}), so a file last written
 * by a version that ignored this index (and so did not keep it) never answers from stale entries.
 */
final class H2SecondaryIndex extends Index<Object> {

    /** More {@code $in} combinations than this are looked up by a scan: the lookups would cost more. */
    private static final int MAX_INTERVALS = 256;

    private final MVMap<IndexTuple, Boolean> entries;
    private final QueryStatistics statistics;
    /** The keys' names ({@link #keys()} makes a new list at each call). */
    private final List<String> keyNames;
    /** No key is a path: {@link #getKeyValues} then reads them directly. */
    private final boolean topLevelKeys;
    /** Set once a document holds several values for the key (an array): see {@link #plan}. */
    private volatile boolean multikey;

    H2SecondaryIndex(MVMap<IndexTuple, Boolean> entries, String name, List<IndexKey> keys, boolean sparse,
                     QueryStatistics statistics) {
        super(name, keys, sparse);
        this.entries = entries;
        this.statistics = statistics;
        this.keyNames = keys.stream().map(IndexKey::getKey).toList();
        this.topLevelKeys = keyNames.stream().allMatch(TopLevelFields::isTopLevel);
    }

    /**
     * The library's key values, computed for top-level keys without its path splitting (a regular expression per key)
     * and streams: every update asks for them several times per index (the parallel-arrays check, whether the keys
     * changed, the new entries), and they were a tenth of the store's CPU in a benchmark's recording. A document with an
     * array in a key, and keys that are paths, take the library's way.
     */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        if (!topLevelKeys) {
            return super.getKeyValues(document);
        }
        Object[] values = new Object[keyNames.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = TopLevelFields.normalisedValue(document, keyNames.get(i));
            if (values[i] instanceof Collection<?>) {
                return super.getKeyValues(document); // one entry per element, and parallel arrays refused
            }
        }
        return Collections.singleton(new KeyValue(values));
    }

    /** The position {@link H2Collection} stores a document under: its {@code _id}. */
    private static Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, Constants.ID_FIELD));
    }

    private boolean skips(Document document) {
        return isSparse() && keyNames.stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
    }

    private Set<KeyValue> keyValuesOf(Document document) {
        return skips(document) ? Set.of() : getKeyValues(document);
    }

    @Override
    public Object getPosition(Document document) {
        return positionOf(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        keyValuesOf(document); // refuses parallel arrays before anything is written
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Set<KeyValue> keyValues = keyValuesOf(document);
        if (keyValues.size() > 1) {
            multikey = true;
        }
        for (KeyValue keyValue : keyValues) {
            entries.put(IndexTuple.of(keyValue, position), Boolean.TRUE);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        for (KeyValue keyValue : keyValuesOf(document)) {
            entries.remove(IndexTuple.of(keyValue, position));
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        keyValuesOf(newDocument);
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            for (KeyValue keyValue : keyValuesOf(oldDocument)) {
                entries.remove(IndexTuple.of(keyValue, position));
            }
            add(newDocument, position, collection);
        }
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // the database removes the map (KeyLookupH2Database.dropIndex)
    }

    @Override
    public boolean canHandle(Document query) {
        return plan(query) != null;
    }

    /** How many of this index's keys the query narrows (equalities count double), 0 when it cannot help. */
    int selectivity(Document query) {
        Plan plan = plan(query);
        return plan == null ? 0 : plan.selectivity();
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Plan plan = plan(query);
        Set<Object> positions = new LinkedHashSet<>();
        long examined = 0;
        for (List<Object> prefix : plan.prefixes()) {
            List<Object> from = new ArrayList<>(prefix);
            List<Object> to = new ArrayList<>(prefix);
            if (plan.range() != null) {
                from.add(plan.range().lower());
                to.add(plan.range().upper());
            }
            IndexTuple upper = IndexTuple.highest(to);
            Iterator<IndexTuple> keys = entries.keyIterator(IndexTuple.lowest(from));
            while (keys.hasNext()) {
                IndexTuple key = keys.next();
                if (key.compareTo(upper) > 0) {
                    break;
                }
                examined++;
                positions.add(key.last());
            }
        }
        statistics.keysExamined(examined);
        return positions;
    }

    /**
     * Equalities on a prefix of the keys, each a set of values (one for {@code v} or {@code $eq}, several for
     * {@code $in}), then at most one range. Null when the first key has no usable condition.
     */
    private Plan plan(Document query) {
        List<List<Object>> prefixes = List.of(List.of());
        int equalities = 0;
        Range range = null;
        for (String key : keyNames) {
            Conditions conditions = new Conditions();
            conditions.collect(query, key);
            if (conditions.equalTo != null) {
                if ((long) prefixes.size() * conditions.equalTo.size() > MAX_INTERVALS) {
                    break;
                }
                List<List<Object>> longer = new ArrayList<>();
                for (List<Object> prefix : prefixes) {
                    for (Object value : conditions.equalTo) {
                        List<Object> extended = new ArrayList<>(prefix);
                        extended.add(value);
                        longer.add(extended);
                    }
                }
                prefixes = longer;
                equalities++;
            } else {
                Object lower = conditions.lower;
                Object upper = conditions.upper;
                if (multikey && lower != null && upper != null) {
                    // An array matches {$gt: 1, $lt: 5} when one element is above 1 and another below 5
                    // ([0, 10] does): on a field that holds arrays, only one bound may narrow.
                    upper = null;
                }
                if (lower != null || upper != null) {
                    range = new Range(lower == null ? lowestOfType(upper) : lower,
                            upper == null ? highestOfType(lower) : upper);
                }
                break;
            }
        }
        if (equalities == 0 && range == null) {
            return null;
        }
        return new Plan(prefixes, range, 2 * equalities + (range == null ? 0 : 1));
    }

    /**
     * The lowest value of the bound's type, where there is one: {@code {outboxSince: {$lte: t}}} matches only
     * dates, and a range from MinKey also walked the entry of every document without the field (all of them
     * but a few, in routing's outbox query).
     */
    private static Object lowestOfType(Object upper) {
        if (upper instanceof Instant) {
            return Instant.MIN;
        }
        if (upper instanceof String) {
            return "";
        }
        if (upper instanceof Number) {
            return Double.NEGATIVE_INFINITY;
        }
        return MinKey.getInstance();
    }

    private static Object highestOfType(Object lower) {
        return lower instanceof Instant ? Instant.MAX : MaxKey.getInstance();
    }

    private record Plan(List<List<Object>> prefixes, Range range, int selectivity) {
    }

    /** Inclusive bounds of a range; strict operators are applied by the query that follows. */
    private record Range(Object lower, Object upper) {
    }

    /** What the query says about one field, gathered from the top level and from {@code $and}. */
    private static final class Conditions {
        Collection<Object> equalTo;
        Object lower;
        Object upper;

        @SuppressWarnings("unchecked")
        void collect(Document query, String key) {
            for (Map.Entry<String, Object> entry : query.entrySet()) {
                if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> clauses) {
                    for (Object clause : clauses) {
                        if (clause instanceof Document document) {
                            collect(document, key);
                        }
                    }
                } else if (entry.getKey().equals(key)) {
                    condition(entry.getValue());
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void condition(Object value) {
            if (isComparableScalar(value)) {
                equalTo = List.of(value);
                return;
            }
            if (!(value instanceof Document operators) || !operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
                return;
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object operand = operator.getValue();
                switch (operator.getKey()) {
                    case "$eq" -> {
                        if (isComparableScalar(operand)) {
                            equalTo = List.of(operand);
                        }
                    }
                    case "$in" -> {
                        if (operand instanceof Collection<?> values && !values.isEmpty()
                                && values.stream().allMatch(Conditions::isComparableScalar)) {
                            equalTo = (Collection<Object>) values;
                        }
                    }
                    case "$gt", "$gte" -> {
                        if (isComparableScalar(operand)) {
                            lower = operand;
                        }
                    }
                    case "$lt", "$lte" -> {
                        if (isComparableScalar(operand)) {
                            upper = operand;
                        }
                    }
                    default -> {
                        // $ne, $exists, $regex, ...: not a narrowing this index can look up
                    }
                }
            }
        }

        /** Values whose equality and order the index and the query matcher agree on. */
        private static boolean isComparableScalar(Object value) {
            return value instanceof String || value instanceof Boolean || value instanceof Instant
                    || value instanceof ObjectId || value instanceof UUID
                    || (value instanceof Number && !(value instanceof Decimal128));
        }
    }
}
