package kz.hearingstate.intake.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.storage.IndexedCollection;
import kz.hearingstate.storage.VersionedDocuments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The district's directory as intake needs it (the portal names the department of an appeal, gives its public
 * contacts, and offers the settlements to choose from): the {@code departments} collection, fed by
 * {@code departments.directory} through {@code recordDirectoryChange} (group {@code intake}). A change replaces a
 * record only when its version is newer, so redeliveries and replays leave the latest in place. Records of
 * other types on the topic are not intake's business and are skipped.
 */
@Component
public class DepartmentDirectory implements IndexedCollection {

    private final MongoOperations mongo;

    public DepartmentDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return DepartmentRecord.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(); // ten records, read by _id or all at once
    }

    public void apply(DepartmentChanged event) {
        Map<String, String> names = new TreeMap<>();
        event.names().forEach((language, name) -> names.put(language.name(), name));
        DepartmentRecord record = new DepartmentRecord(event.code(), event.version(), names, event.phone(), event.email(),
                event.address(), event.settlements() == null ? List.of() : event.settlements(), event.confidential(),
                event.deleted());
        VersionedDocuments.replaceIfNewer(mongo, event.code(), event.version(), record);
    }

    public Optional<DepartmentRecord> find(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, DepartmentRecord.class))
                .filter(department -> !department.deleted());
    }

    /** Every settlement some department serves, sorted: the list a citizen chooses from. */
    public List<String> settlements() {
        TreeSet<String> all = new TreeSet<>();
        mongo.find(Query.query(Criteria.where("deleted").is(false)), DepartmentRecord.class).stream()
                .map(DepartmentRecord::settlements).filter(list -> list != null).forEach(all::addAll);
        return List.copyOf(all);
    }

    @Configuration(proxyBeanMethods = false)
    static class Bindings {

        @Bean
        Consumer<Message<byte[]>> recordDirectoryChange(DepartmentDirectory directory, EventReader reader) {
            return message -> {
                if (EventTypes.DEPARTMENT_CHANGED.equals(reader.metadata(message).type())) {
                    directory.apply(reader.read(message, DepartmentChanged.class).payload());
                }
            };
        }
    }
}
