package kz.hearingstate.routing.classification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import kz.hearingstate.storage.IndexedCollection;
import kz.hearingstate.storage.RecentReads;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code routing_rules} collection. Routing reads the enabled rules once per batch of appeals; that read is
 * kept for {@link RecentReads#FRESH_FOR}. A rule saved or deleted through this instance routes the next batch by
 * it; one saved through another instance of routing, within {@link RecentReads#FRESH_FOR}.
 */
@Component
public class OverrideRuleStore implements IndexedCollection {

    static final String COLLECTION = "routing_rules";
    private static final String ENABLED = "enabled";

    private final MongoTemplate mongo;
    private final RecentReads<String, List<OverrideRule>> enabled;

    public OverrideRuleStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.enabled = new RecentReads<>(1, clock, key -> List.copyOf(mongo.find(
                Query.query(Criteria.where("enabled").is(true)).with(Sort.by("priority", "_id")), OverrideRule.class)));
    }

    @Override
    public Class<?> documentType() {
        return OverrideRule.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("enabled", Sort.Direction.ASC).on("priority", Sort.Direction.ASC));
    }

    /** The enabled rules by priority, read at most {@link RecentReads#FRESH_FOR} ago. */
    public List<OverrideRule> enabled() {
        return enabled.get(ENABLED);
    }

    public List<OverrideRule> all() {
        return mongo.find(new Query().with(Sort.by("priority", "_id")), OverrideRule.class);
    }

    public Optional<OverrideRule> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OverrideRule.class));
    }

    public OverrideRule save(OverrideRule rule) {
        OverrideRule saved = mongo.save(rule);
        enabled.forget(ENABLED);
        return saved;
    }

    public boolean delete(String id) {
        boolean deleted = mongo.remove(Query.query(Criteria.where("_id").is(id)), OverrideRule.class).getDeletedCount() > 0;
        enabled.forget(ENABLED);
        return deleted;
    }
}
