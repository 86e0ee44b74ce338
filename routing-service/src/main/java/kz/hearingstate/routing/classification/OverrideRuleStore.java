package kz.hearingstate.routing.classification;

import java.util.List;
import java.util.Optional;

import kz.hearingstate.storage.IndexedCollection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code routing_rules} collection. */
@Component
public class OverrideRuleStore implements IndexedCollection {

    static final String COLLECTION = "routing_rules";

    private final MongoTemplate mongo;

    public OverrideRuleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return OverrideRule.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("enabled", Sort.Direction.ASC).on("priority", Sort.Direction.ASC));
    }

    public List<OverrideRule> enabled() {
        return mongo.find(Query.query(Criteria.where("enabled").is(true)).with(Sort.by("priority", "_id")), OverrideRule.class);
    }

    public List<OverrideRule> all() {
        return mongo.find(new Query().with(Sort.by("priority", "_id")), OverrideRule.class);
    }

    public Optional<OverrideRule> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OverrideRule.class));
    }

    public OverrideRule save(OverrideRule rule) {
        return mongo.save(rule);
    }

    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), OverrideRule.class).getDeletedCount() > 0;
    }
}
