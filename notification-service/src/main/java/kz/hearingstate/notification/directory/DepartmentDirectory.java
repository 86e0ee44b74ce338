package kz.hearingstate.notification.directory;

import java.time.Clock;
import java.util.Optional;

import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.storage.RecentReads;
import kz.hearingstate.storage.VersionedDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Department contacts from {@code departments.directory}, with the configured seeds as fallback until the
 * directory has named a department. A deleted department has no contact, even if a seed exists.
 *
 * <p>Planning one lifecycle event asks for its department half a dozen times (its names, its
 * confidentiality, its address), so what was read is kept for {@link RecentReads#FRESH_FOR}: a MongoDB round trip
 * per department every few seconds instead of several per event. A change this instance applies is seen
 * at once; one applied by another instance of the consumer group within {@link RecentReads#FRESH_FOR}. That is no
 * weaker than before: the directory and the appeal topics were never ordered against each other.
 */
@Component
public class DepartmentDirectory {

    /** Forwards name outside bodies in free text, looked up here too: the memory stays bounded. */
    private static final int MAX_KEPT = 1_000;

    private final MongoTemplate mongo;
    private final NotificationProperties properties;
    private final RecentReads<String, Optional<DepartmentContact>> recent;

    public DepartmentDirectory(MongoTemplate mongo, NotificationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.recent = new RecentReads<>(MAX_KEPT, clock, this::load);
    }

    /** Keeps the newer of the stored and the given version; an older or repeated event changes nothing. */
    public void apply(DepartmentContact contact) {
        VersionedDocuments.replaceIfNewer(mongo, contact.code(), contact.version(), contact);
        recent.forget(contact.code());
    }

    public Optional<DepartmentContact> find(String code) {
        return code == null ? Optional.empty() : recent.get(code).filter(contact -> !contact.deleted());
    }

    /**
     * Whether a department's appeals are told to it alone, by the directory's flag: a deleted department's reports
     * stay its own, and a department the directory has not named yet counts as confidential, so that nothing about
     * its appeals reaches anyone else before its flag is known (the directory and the appeal topics are not ordered).
     */
    public boolean confidential(String code) {
        return code != null && recent.get(code).map(DepartmentContact::confidential).orElse(true);
    }

    /**
     * The stored contact, a deleted department's too, or the configured seed, confidential when its department is
     * configured so ({@code hearing.notification.confidential-departments}): a contact configured for anti-corruption
     * must not make its reports told to others (the akim's office, of an escalation) before the directory's flag arrives.
     */
    private Optional<DepartmentContact> load(String code) {
        DepartmentContact stored = mongo.findById(code, DepartmentContact.class);
        if (stored != null) {
            return Optional.of(stored);
        }
        NotificationProperties.DepartmentContactSeed seed = properties.departments().get(code);
        return seed == null ? Optional.empty()
                : Optional.of(new DepartmentContact(code, 0, seed.names(), seed.email(), seed.phone(),
                        properties.confidentialDepartments().contains(code), false));
    }
}
