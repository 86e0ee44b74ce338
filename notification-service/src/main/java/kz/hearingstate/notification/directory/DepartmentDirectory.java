package kz.hearingstate.notification.directory;

import java.util.Optional;

import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.storage.VersionedDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Department contacts from {@code departments.directory}, with the configured seeds as fallback until the
 * directory has named a department. A deleted department has no contact, even if a seed exists.
 */
@Component
public class DepartmentDirectory {

    private final MongoTemplate mongo;
    private final NotificationProperties properties;

    public DepartmentDirectory(MongoTemplate mongo, NotificationProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Keeps the newer of the stored and the given version; an older or repeated event changes nothing. */
    public void apply(DepartmentContact contact) {
        VersionedDocuments.replaceIfNewer(mongo, contact.code(), contact.version(), contact);
    }

    public Optional<DepartmentContact> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        DepartmentContact stored = mongo.findById(code, DepartmentContact.class);
        if (stored != null) {
            return stored.deleted() ? Optional.empty() : Optional.of(stored);
        }
        NotificationProperties.DepartmentContactSeed seed = properties.departments().get(code);
        return seed == null ? Optional.empty()
                : Optional.of(new DepartmentContact(code, 0, seed.names(), seed.email(), seed.phone(), false, false));
    }
}
