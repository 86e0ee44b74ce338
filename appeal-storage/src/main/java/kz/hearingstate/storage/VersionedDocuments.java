package kz.hearingstate.storage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Documents kept from a compacted topic whose records carry a version (the department directory, the settlement
 * list): redeliveries, replays and out-of-order records must leave the newest version in place.
 */
public final class VersionedDocuments {

    private VersionedDocuments() {
    }

    /**
     * Stores {@code document} under {@code id} unless the stored one has the same or a higher {@code version} field.
     * One atomic upsert: it matches an older version or inserts when there is none; a stored version as new or newer
     * makes the insert collide on {@code _id}, which means this change is stale.
     *
     * @return whether the document was stored
     */
    public static boolean replaceIfNewer(MongoOperations mongo, Object id, long version, Object document) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(id).and("version").lt(version));
        try {
            mongo.findAndReplace(olderOrMissing, document, FindAndReplaceOptions.options().upsert());
            return true;
        } catch (DuplicateKeyException asNewOrNewerStored) {
            return false;
        }
    }
}
