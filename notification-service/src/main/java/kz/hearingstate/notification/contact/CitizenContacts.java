package kz.hearingstate.notification.contact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
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
        if (contacts.isEmpty()) {
            return;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CitizenContact.class);
        contacts.forEach(contact -> writes.replaceOne(Query.query(Criteria.where("_id").is(contact.appealId())), contact,
                FindAndReplaceOptions.options().upsert()));
        writes.execute();
    }

    /** The stored contacts among {@code appealIds}, in one query. */
    public Map<String, CitizenContact> findAll(Collection<String> appealIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(appealIds)), CitizenContact.class).stream()
                .collect(Collectors.toMap(CitizenContact::appealId, contact -> contact));
    }
}
