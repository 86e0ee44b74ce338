package kz.hearingstate.routing.classification;

import java.util.List;

import kz.hearingstate.storage.IndexedCollection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code routing_corrections} collection, keyed by the ROUTE action's input id (so a redelivery stores nothing new). */
@Component
public class CorrectionStore implements IndexedCollection {

    static final String COLLECTION = "routing_corrections";

    private final MongoTemplate mongo;

    public CorrectionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return RoutingCorrection.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("correctedAt", Sort.Direction.ASC), new Index().on("appealId", Sort.Direction.ASC));
    }

    public void save(RoutingCorrection correction) {
        mongo.save(correction);
    }

    /** Forgets an appeal's corrections: it went to a confidential department, whose appeals' texts are its own. */
    public void forgetAppeal(String appealId) {
        mongo.remove(Query.query(Criteria.where("appealId").is(appealId)), RoutingCorrection.class);
    }

    public List<RoutingCorrection> all() {
        return mongo.find(new Query().with(Sort.by("correctedAt")), RoutingCorrection.class);
    }
}
