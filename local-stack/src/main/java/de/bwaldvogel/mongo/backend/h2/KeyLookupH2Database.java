package de.bwaldvogel.mongo.backend.h2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its indexes made to work at scale:
 * <ul>
 *   <li>its unique indexes (above all {@code _id}) serve only queries whose keys are exactly the index's
 *       keys, so {@code {_id: x, version: 3}} (every version-checked save, every conditional claim) scanned
 *       the whole collection. MongoDB looks such a query up in the {@code _id} index and filters the one
 *       document it finds; so does this database ({@link KeyLookupUniqueIndex}).
 *   <li>their keys are {@link IndexTuple}s, which H2 compares directly, where the library's keys made H2
 *       serialise both keys at each comparison of a lookup, and writes without Java serialisation
 *       ({@link IndexTupleType});
 *   <li>non-unique indexes, which the library ignores, are kept and used ({@link H2SecondaryIndex});
 *   <li>a query uses the index that narrows it most and counts what it read ({@link PlannedH2Collection});
 *   <li>documents are written as BSON rather than with Java serialisation ({@link DocumentType}).
 * </ul>
 *
 * <p>Index maps are named apart from the library's ({@code ._keys_} and {@code ._secondary_}), and are
 * rebuilt from the documents when they may be stale: a secondary index unless {@link #COMPLETE_INDEXES}
 * records it as built completely in the current {@link #SECONDARY_FORMAT}, a unique index when its size
 * differs from the collection's. Documents and index entries change in the same MVStore, whose commits are
 * atomic, so an index once complete stays complete through any restart or crash; rebuilding every secondary
 * index at each opening took 7 minutes at 10^5 stored appeals. So a file written by an older version of the
 * stack opens correctly, and the library's own index map is removed, so that the plain library, opening a file
 * written here, rebuilds its index instead of trusting an old one.
 *
 * <p>It lives in mongo-java-server's package to reach {@link H2Collection}'s and {@link Index}'s
 * package-private and protected members.
 */
public class KeyLookupH2Database extends H2Database {

    /**
     * H2Database opens the existing collections and indexes inside its constructor, before this class's
     * fields are set; what those calls need is handed over here for the duration of the constructor.
     */
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    /** The secondary index maps built completely, each with the {@link #SECONDARY_FORMAT} it was built in. */
    static final String COMPLETE_INDEXES = "hearing.completeSecondaryIndexes";
    /** Raise it when {@link IndexTupleType} or what a secondary index holds changes: every one is rebuilt. */
    static final int SECONDARY_FORMAT = 1;

    /** @param building the secondary index maps cleared, to record as complete once the library has filled them */
    private record Opening(MVStore mvStore, QueryStatistics statistics, Set<String> building) {
    }

    private final Opening opening;

    private KeyLookupH2Database(String databaseName, Opening opening, CursorRegistry cursorRegistry) {
        super(databaseName, opening.mvStore(), cursorRegistry);
        this.opening = opening;
    }

    public static KeyLookupH2Database open(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry,
                                           QueryStatistics statistics) {
        Opening opening = new Opening(mvStore, statistics, ConcurrentHashMap.newKeySet());
        OPENING.set(opening);
        try {
            KeyLookupH2Database database = new KeyLookupH2Database(databaseName, opening, cursorRegistry);
            database.recordBuilt(); // the constructor filled every index it opened
            return database;
        } finally {
            OPENING.remove();
        }
    }

    /** A new index: the library fills it from the documents in this call. */
    @Override
    protected void addIndex(Document indexDescription) {
        super.addIndex(indexDescription);
        recordBuilt();
    }

    private void recordBuilt() {
        MVMap<String, Integer> complete = completeIndexes();
        for (String name : List.copyOf(opening().building())) {
            complete.put(name, SECONDARY_FORMAT);
            opening().building().remove(name);
        }
    }

    private MVMap<String, Integer> completeIndexes() {
        return opening().mvStore().openMap(COMPLETE_INDEXES);
    }

    private Opening opening() {
        return opening != null ? opening : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = opening().mvStore().openMap(DATABASES_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().keyType(new DocumentKeyType()).valueType(DocumentType.INSTANCE));
        MVMap<String, Object> metaMap = opening().mvStore().openMap("meta." + fullName);
        return new PlannedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry,
                opening().statistics());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore store = opening().mvStore();
        String libraryMap = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (store.hasMap(libraryMap)) {
            store.removeMap(libraryMap);
        }
        MVMap<IndexTuple, Object> keyMap = store.openMap(indexMapName(collectionName, "_keys_", indexName),
                new MVMap.Builder<IndexTuple, Object>().keyType(IndexTupleType.INSTANCE));
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        // Its size is the one sign of staleness a unique index can show: only inserts and deletes change it
        // (an _id never changes), and a version that did not keep this map, writing the file, did those.
        if (collection == null || keyMap.sizeAsLong() != collection.count()) {
            keyMap.clear(); // the collection's addIndex rebuilds an empty index from the documents
        }
        return new KeyLookupUniqueIndex(keyMap, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String name = indexMapName(collectionName, "_secondary_", indexName);
        MVMap<IndexTuple, Boolean> entries = opening().mvStore().openMap(name,
                new MVMap.Builder<IndexTuple, Boolean>().keyType(IndexTupleType.INSTANCE));
        if (!Integer.valueOf(SECONDARY_FORMAT).equals(completeIndexes().get(name))) {
            // Rebuilt from the documents by the collection's addIndex, which fills an empty index only; recorded as
            // complete after that (a crash in between leaves it unrecorded, and it is rebuilt again).
            completeIndexes().remove(name);
            entries.clear();
            opening().building().add(name);
        }
        return new H2SecondaryIndex(entries, indexName, keys, sparse, opening().statistics());
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        for (String kind : List.of("_keys_", "_secondary_")) {
            String name = indexMapName(collection.getCollectionName(), kind, indexName);
            completeIndexes().remove(name);
            if (opening().mvStore().hasMap(name)) {
                opening().mvStore().removeMap(name);
            }
        }
    }

    private String indexMapName(String collectionName, String kind, String indexName) {
        return getFullCollectionNamespace(collectionName) + "." + kind + indexName;
    }

    /**
     * A unique index that also serves a query naming all of its keys plus other conditions, at the top level
     * or inside {@code $and} (the Java driver's {@code Filters.and} writes {@code {$and: [{_id: x}, {version:
     * 3}]}}, which the library scanned for): it looks the keys up, and the collection then applies the whole
     * query to the document found (all of those conditions have to hold, so narrowing by some of them first is
     * always correct).
     */
    static final class KeyLookupUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<IndexTuple, Object> keyMap;

        KeyLookupUniqueIndex(MVMap<IndexTuple, Object> keyMap, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.keyMap = keyMap;
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return super.canHandle(query) || keysOnly(query) != null;
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            return super.canHandle(query) ? super.getPositions(query) : super.getPositions(keysOnly(query));
        }

        /** The query's conditions on this index's keys, when the index can look those up; otherwise null. */
        private Document keysOnly(Document query) {
            Set<String> keys = keySet();
            Document keysOnly = new Document();
            collectKeys(query, keys, keysOnly);
            return keysOnly.keySet().equals(keys) && super.canHandle(keysOnly) ? keysOnly : null;
        }

        private static void collectKeys(Document query, Set<String> keys, Document keysOnly) {
            query.forEach((field, condition) -> {
                if (field.equals("$and") && condition instanceof List<?> clauses) {
                    clauses.stream().filter(Document.class::isInstance)
                            .forEach(clause -> collectKeys((Document) clause, keys, keysOnly));
                } else if (keys.contains(field)) {
                    keysOnly.putIfAbsent(field, condition); // a second condition on it is applied afterwards
                }
            });
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return keyMap.remove(IndexTuple.of(keyValue));
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return keyMap.putIfAbsent(IndexTuple.of(keyValue), Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return () -> StreamSupport.stream(keyMap.entrySet().spliterator(), false)
                    .map(entry -> Map.entry(entry.getKey().keyValue(), entry.getValue()))
                    .iterator();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return keyMap.get(IndexTuple.of(keyValue));
        }

        @Override
        public long getCount() {
            return keyMap.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return keyMap.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
