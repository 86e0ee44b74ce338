package kz.hearingstate.storage;

import java.util.Collection;
import java.util.function.Function;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Documents written whole under their {@code _id}, a batch at a time. */
public final class DocumentsById {

    private DocumentsById() {
    }

    /**
     * Each document replaces the one stored under its id, or is inserted: what {@code save} does one document at a
     * time, in one round trip for the batch. Idempotent, so a redelivered batch writes the same documents again.
     */
    public static <T> void saveAll(MongoOperations mongo, Class<T> type, Collection<T> documents, Function<T, ?> idOf) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        documents.forEach(document -> writes.replaceOne(Query.query(Criteria.where("_id").is(idOf.apply(document))),
                document, FindAndReplaceOptions.options().upsert()));
        writes.execute();
    }
}
