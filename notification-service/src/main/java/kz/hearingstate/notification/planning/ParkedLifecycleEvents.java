package kz.hearingstate.notification.planning;

import java.util.Collection;
import java.util.List;

import kz.hearingstate.storage.DocumentsById;
import kz.hearingstate.storage.IndexedCollection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lifecycle events waiting for their appeal's contact, by appealId (indexed): read by the submission batch that
 * brings the contact and by a lifecycle batch for its appeals whose contact is known and whose citizen it tells,
 * removed once released.
 * Nothing expires them (no TTL index): what stays waits for a submission that has not come (the README says why).
 */
@Component
public class ParkedLifecycleEvents implements IndexedCollection {

    private final MongoTemplate mongo;

    public ParkedLifecycleEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return ParkedLifecycleEvent.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("appealId", Sort.Direction.ASC).named("appealId"));
    }

    /** In one write. Idempotent: the event id is the key, so an event parked again replaces itself. */
    public void parkAll(List<ParkedLifecycleEvent> events) {
        DocumentsById.saveAll(mongo, ParkedLifecycleEvent.class, events, ParkedLifecycleEvent::eventId);
    }

    /** The events waiting for any of {@code appealIds}, in one query; each appeal's in the order of its events. */
    public List<ParkedLifecycleEvent> forAppeals(Collection<String> appealIds) {
        return mongo.find(Query.query(Criteria.where("appealId").in(appealIds)).with(Sort.by("event.sequence")),
                ParkedLifecycleEvent.class);
    }

    /** In one write. */
    public void removeAll(Collection<String> eventIds) {
        if (!eventIds.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(eventIds)), ParkedLifecycleEvent.class);
        }
    }
}
