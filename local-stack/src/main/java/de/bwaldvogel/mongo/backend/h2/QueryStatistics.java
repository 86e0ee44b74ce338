package de.bwaldvogel.mongo.backend.h2;

import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;

/**
 * What the server's queries read, as MongoDB counts it in {@code serverStatus}'s
 * {@code metrics.queryExecutor}: {@code scanned} index keys and {@code scannedObjects} documents. A query
 * served by an index reads about as many documents as it returns; a scan reads the whole collection.
 */
public final class QueryStatistics {

    private final LongAdder keys = new LongAdder();
    private final LongAdder documents = new LongAdder();

    void keysExamined(long count) {
        keys.add(count);
    }

    void documentsExamined(long count) {
        documents.add(count);
    }

    public long scanned() {
        return keys.sum();
    }

    public long scannedObjects() {
        return documents.sum();
    }

    /** {@code serverStatus}'s {@code metrics.queryExecutor} document. */
    public Document toQueryExecutorMetrics() {
        return new Document("scanned", scanned()).append("scannedObjects", scannedObjects());
    }
}
