package de.bwaldvogel.mongo.backend.h2;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database, with one planner gap closed: its unique indexes (above all
 * {@code _id}) serve only queries whose keys are exactly the index's keys, so {@code {_id: x, version: 3}}
 * (every version-checked save, every conditional claim) scanned the whole collection under the
 * collection's lock, and each such write got slower as the store grew. MongoDB looks such a query up in
 * the {@code _id} index and filters the one document it finds; so does this database.
 *
 * <p>It lives in mongo-java-server's package to reach {@link H2UniqueIndex}'s package-private storage
 * methods: the index data stays where {@link H2Database} keeps it, so existing data files load as before.
 */
public class KeyLookupH2Database extends H2Database {

    public KeyLookupH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        H2UniqueIndex stored = (H2UniqueIndex) super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        return new KeyLookupUniqueIndex(stored, indexName, keys, sparse);
    }

    /**
     * A unique index that also serves a query naming all of its keys plus other conditions: it looks the
     * keys up, and the collection then applies the whole query to the document found (the top-level
     * conditions of a query all have to hold, so narrowing by some of them first is always correct).
     * Storage is the H2 index it wraps.
     */
    static final class KeyLookupUniqueIndex extends AbstractUniqueIndex<Object> {

        private final H2UniqueIndex stored;

        KeyLookupUniqueIndex(H2UniqueIndex stored, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.stored = stored;
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
            if (query.size() <= keySet().size() || !query.keySet().containsAll(keySet())) {
                return null;
            }
            Document keysOnly = new Document();
            keys().forEach(key -> keysOnly.put(key, query.get(key)));
            return super.canHandle(keysOnly) ? keysOnly : null;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return stored.removeDocument(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return stored.putKeyPosition(keyValue, position);
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return stored.getIterable();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return stored.getPosition(keyValue);
        }

        @Override
        public long getCount() {
            return stored.getCount();
        }

        @Override
        public boolean isEmpty() {
            return stored.isEmpty();
        }

        @Override
        public long getDataSize() {
            return stored.getDataSize();
        }
    }
}
