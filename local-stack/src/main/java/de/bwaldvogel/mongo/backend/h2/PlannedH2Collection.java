package de.bwaldvogel.mongo.backend.h2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 collection with two changes: a query uses the index that narrows it most (the
 * library takes the first index that can serve it, which mattered little while only unique indexes served
 * any), and every query counts the documents and index keys it read ({@link QueryStatistics}). A scan
 * or an index lookup that reads many documents is logged once per query shape, so a missing index, or a query
 * whose answer grows with the store, shows in data/logs/mongo.log.
 */
final class PlannedH2Collection extends H2Collection {

    private static final Logger log = LoggerFactory.getLogger(PlannedH2Collection.class);

    /**
     * A scan or an index lookup reading this many documents is logged: a query to index, or to narrow. It is logged
     * again each time it reads ten times as many, so a query whose cost grows with the store shows as it grows.
     */
    private static final int LOGGED_SCAN = 100;
    private static final Set<String> LOGGED_SHAPES = ConcurrentHashMap.newKeySet();

    private final MVMap<Object, Document> dataMap;
    private final QueryStatistics statistics;

    PlannedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                        QueryStatistics statistics) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
        this.statistics = statistics;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Index<Object> best = null;
        int bestSelectivity = 0;
        for (Index<Object> index : getIndexes()) {
            int selectivity = index instanceof H2SecondaryIndex secondary ? secondary.selectivity(query)
                    : index.canHandle(query) ? Integer.MAX_VALUE : 0; // a unique key finds at most one document
            if (selectivity > bestSelectivity) {
                best = index;
                bestSelectivity = selectivity;
            }
        }
        if (best == null) {
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Object> positions = new ArrayList<>();
        best.getPositions(query).forEach(positions::add);
        if (!(best instanceof H2SecondaryIndex)) {
            statistics.keysExamined(positions.size()); // the secondary index counts the keys it walked itself
        }
        statistics.documentsExamined(positions.size());
        if (positions.size() >= LOGGED_SCAN) {
            logOnce("Index " + best.getName() + " of", positions.size(), query);
        }
        return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The library's scan, counting the documents it reads (a limit without a sort stops it early). */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            statistics.documentsExamined(count());
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        LongAdder read = new LongAdder();
        QueryResult result = matchDocumentsFromStream(dataMap.values().stream().peek(document -> read.increment()),
                query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        statistics.documentsExamined(read.sum());
        if (read.sum() >= LOGGED_SCAN) {
            logOnce("Collection scan of", read.sum(), query);
        }
        return result;
    }

    /** Logs a query that read many documents, once per collection, way of reading, query shape and power of ten read. */
    private void logOnce(String how, long read, Document query) {
        int magnitude = String.valueOf(read).length();
        if (LOGGED_SHAPES.add(how + " " + getFullName() + " " + shape(query) + " " + magnitude)) {
            log.warn("{} {} read {} documents for a query shaped {} (logged once per shape and power of ten)", how,
                    getFullName(), read, shape(query));
        }
    }

    /** The query's fields and operators with every value left out: values may be personal data. */
    static Object shape(Object query) {
        if (query instanceof Document document) {
            Document shape = new Document();
            document.forEach((key, value) -> shape.put(key, shape(value)));
            return shape;
        }
        if (query instanceof List<?> list) {
            return list.stream().map(PlannedH2Collection::shape).toList();
        }
        return "?";
    }
}
