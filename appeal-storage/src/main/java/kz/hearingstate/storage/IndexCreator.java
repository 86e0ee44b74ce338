package kz.hearingstate.storage;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Creates the indexes every {@link IndexedCollection} declares. It runs once all singletons exist and before
 * any {@code SmartLifecycle} starts (the Kafka bindings, the web server), so the first consumed record and the
 * first request already find their index. Creating an existing index is a no-op in MongoDB, so a restart, or
 * a second instance starting at the same time, changes nothing. If MongoDB cannot be reached the service does
 * not start: better than serving every query by a collection scan.
 */
public final class IndexCreator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexCreator.class);

    private final MongoOperations mongo;
    private final List<IndexedCollection> collections;

    public IndexCreator(MongoOperations mongo, List<IndexedCollection> collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (IndexedCollection collection : collections) {
            IndexOperations operations = mongo.indexOps(collection.documentType());
            String name = mongo.getCollectionName(collection.documentType());
            for (Index index : collection.indexes()) {
                String created = operations.createIndex(index);
                log.info("Index {} on {}: {}", created, name, index.getIndexKeys().toJson());
            }
        }
    }
}
