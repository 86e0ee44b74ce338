package kz.hearingstate.notification.contact;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Citizen contacts by appealId; every read and write is by {@code _id}, so no further index is needed. */
@Component
public class CitizenContacts {

    private final MongoTemplate mongo;

    public CitizenContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: a redelivered submission writes the same document again. */
    public void save(CitizenContact contact) {
        mongo.save(contact);
    }

    public Optional<CitizenContact> find(String appealId) {
        return Optional.ofNullable(mongo.findById(appealId, CitizenContact.class));
    }
}
