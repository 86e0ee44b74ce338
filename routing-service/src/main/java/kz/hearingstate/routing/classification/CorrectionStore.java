package kz.hearingstate.routing.classification;

import java.util.List;

import kz.hearingstate.storage.IndexedCollection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code routing_corrections} collection, keyed by the ROUTE action's id (so a redelivery stores nothing new). */
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
        return List.of(new Index().on("correctedAt", Sort.Direction.ASC));
    }

    public void save(RoutingCorrection correction) {
        mongo.save(correction);
    }

    public List<RoutingCorrection> all() {
        return mongo.find(new Query().with(Sort.by("correctedAt")), RoutingCorrection.class);
    }
}
