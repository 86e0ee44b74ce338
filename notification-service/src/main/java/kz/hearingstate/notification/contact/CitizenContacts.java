package kz.hearingstate.notification.contact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kz.hearingstate.storage.DocumentsById;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Citizen contacts by appealId; every read and write is by {@code _id}, so no further index is needed. */
@Component
public class CitizenContacts {

    private final MongoTemplate mongo;

    public CitizenContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** In one write. Idempotent: a redelivered submission writes the same document again. */
    public void saveAll(List<CitizenContact> contacts) {
        DocumentsById.saveAll(mongo, CitizenContact.class, contacts, CitizenContact::appealId);
    }

    /** The stored contacts among {@code appealIds}, in one query. */
    public Map<String, CitizenContact> findAll(Collection<String> appealIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(appealIds)), CitizenContact.class).stream()
                .collect(Collectors.toMap(CitizenContact::appealId, contact -> contact));
    }
}
