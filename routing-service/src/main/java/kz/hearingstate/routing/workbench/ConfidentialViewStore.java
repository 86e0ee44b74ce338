package kz.hearingstate.routing.workbench;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.hearingstate.storage.IndexedCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The audit of confidential (anti-corruption) appeals: every view is a document in
 * {@code workbench_confidential_views} (who, which appeal, when), written before the page is shown, and a
 * log line with the record's id and the role only.
 */
@Component
public class ConfidentialViewStore implements IndexedCollection {

    static final String COLLECTION = "workbench_confidential_views";
    private static final Logger log = LoggerFactory.getLogger(ConfidentialViewStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public ConfidentialViewStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document(COLLECTION)
    public record View(@Id String id, String appealId, String username, StaffRole role, Instant viewedAt) {
    }

    @Override
    public Class<?> documentType() {
        return View.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("appealId", Sort.Direction.ASC).on("viewedAt", Sort.Direction.ASC));
    }

    void viewed(String appealId, StaffUser user) {
        View view = mongo.insert(new View(UUID.randomUUID().toString(), appealId, user.username(), user.role(), clock.instant()));
        // The record names the appeal; the log does not, or every reader of the logs would learn which appeals are
        // confidential.
        log.info("Audit {}: a confidential appeal viewed by the {} role", view.id(), user.role());
    }

    /** The views of one appeal, oldest first. */
    public List<View> viewsOf(String appealId) {
        return mongo.find(Query.query(Criteria.where("appealId").is(appealId)).with(Sort.by("viewedAt")), View.class);
    }
}
