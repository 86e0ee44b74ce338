package kz.hearingstate.analytics.hotspots;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import kz.hearingstate.storage.IndexedCollection;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The {@code incidents} collection; every query has its index in {@link #indexes()}. */
public class Incidents implements IndexedCollection {

    private final MongoOperations mongo;

    public Incidents(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return Incident.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("category", Sort.Direction.ASC).on("scope", Sort.Direction.ASC)
                        .on("scopeValue", Sort.Direction.ASC).on("lastAppealAt", Sort.Direction.ASC)
                        .named("category_scope_lastAppealAt"),
                new Index().on("lastAppealAt", Sort.Direction.DESC).named("lastAppealAt"),
                new Index().on("published", Sort.Direction.ASC).named("published"));
    }

    /**
     * The incidents of the category in each of the places ({@code scope}'s values) whose last appeal is after
     * {@code since}: by place, their ids in order with when their last appeal came, read without their appeal ids (a
     * long surge's are many). Of a place's, a window starting at or after {@code since} joins the first by id whose last
     * appeal is after its start.
     */
    public Map<String, SortedMap<String, Instant>> activeSince(String category, String scope, Collection<String> scopeValues,
            Instant since) {
        Query query = Query.query(Criteria.where("category").is(category).and("scope").is(scope)
                .and("scopeValue").in(scopeValues).and("lastAppealAt").gt(since));
        query.fields().include("_id", "scopeValue", "lastAppealAt");
        Map<String, SortedMap<String, Instant>> active = new HashMap<>();
        mongo.find(query, Document.class, mongo.getCollectionName(Incident.class))
                .forEach(found -> active.computeIfAbsent(found.getString("scopeValue"), value -> new TreeMap<>())
                        .put(found.getString("_id"), found.getDate("lastAppealAt").toInstant()));
        return active;
    }

    public Optional<Incident> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, Incident.class));
    }

    /** Inserts the incident, or returns the one already stored under its id. */
    public Incident insertOrGet(Incident incident) {
        try {
            return mongo.insert(incident);
        } catch (DuplicateKeyException alreadyThere) {
            return mongo.findById(incident.incidentId(), Incident.class);
        }
    }

    /** Adds later appeals of the same surge (those it holds already are not added twice). */
    public void join(String incidentId, List<String> appealIds, Instant lastAppealAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(incidentId)),
                new Update().addToSet("appealIds").each(appealIds.toArray()).max("lastAppealAt", lastAppealAt),
                Incident.class);
    }

    /** Marks the incident announced; true when this call did, false when it was already (or is not stored). */
    public boolean markPublished(String incidentId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(incidentId).and("published").is(false)),
                Update.update("published", true), Incident.class).getModifiedCount() > 0;
    }

    /** Incidents stored but not announced yet (their announcement failed), oldest first, at most {@code limit}. */
    public List<Incident> unpublished(int limit) {
        return mongo.find(Query.query(Criteria.where("published").is(false)).with(Sort.by("detectedAt", "_id")).limit(limit),
                Incident.class);
    }

    /** The latest {@code limit} incidents whose last appeal came after {@code since}, latest first. */
    public List<Incident> since(Instant since, int limit) {
        return mongo.find(Query.query(Criteria.where("lastAppealAt").gt(since))
                .with(Sort.by(Sort.Order.desc("lastAppealAt"), Sort.Order.asc("_id"))).limit(limit), Incident.class);
    }
}
