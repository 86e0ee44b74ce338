package kz.hearingstate.intake.directory;

import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.messaging.EventReader;
import kz.hearingstate.messaging.PoisonEventException;
import kz.hearingstate.storage.IndexedCollection;
import kz.hearingstate.storage.RecentReads;
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
 * contacts, and offers the settlements to choose from, named in the page's language): the {@code departments}
 * and {@code settlements} collections, fed by
 * {@code departments.directory} through {@code recordDirectoryChange} (group {@code intake}). A change replaces a
 * record only when its version is newer, so redeliveries and replays leave the latest in place. A record of another
 * type (a version intake does not know yet) goes to the dead letters.
 */
@Component
public class DepartmentDirectory implements IndexedCollection {

    private final MongoOperations mongo;
    /** The confidential codes, read at most {@link RecentReads#FRESH_FOR} ago: the status view asks per lifecycle event. */
    private final RecentReads<String, Set<String>> confidential;
    private final List<Consumer<String>> flaggedConfidential = new CopyOnWriteArrayList<>();

    public DepartmentDirectory(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.confidential = new RecentReads<>(1, clock, key -> Collections.unmodifiableSet(new HashSet<>(mongo.find(
                Query.query(Criteria.where("confidential").is(true)), DepartmentRecord.class).stream()
                .map(DepartmentRecord::code).toList()))); // a HashSet: contains(null) is false
    }

    /** The departments the directory flags confidential, deleted ones included (their appeals stay confidential). */
    public Set<String> confidentialCodes() {
        return confidential.get(CONFIDENTIAL);
    }

    private static final String CONFIDENTIAL = "confidential";

    @Override
    public Class<?> documentType() {
        return DepartmentRecord.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(); // ten records, read by _id or all at once
    }

    public void apply(DepartmentChanged event) {
        DepartmentRecord record = new DepartmentRecord(event.code(), event.version(), byName(event.names()), event.phone(), event.email(),
                event.address(), event.addresses() == null ? null : byName(event.addresses()),
                event.settlements() == null ? List.of() : event.settlements(), event.confidential(),
                event.deleted());
        boolean newer = VersionedDocuments.replaceIfNewer(mongo, event.code(), event.version(), record);
        confidential.forget(CONFIDENTIAL);
        if (newer && event.confidential()) {
            // Only for a version not seen before: routing publishes the whole directory each time it starts.
            flaggedConfidential.forEach(listener -> listener.accept(event.code()));
        }
    }

    /**
     * Calls {@code listener} with a department's code each time the directory says it is confidential: the appeals it
     * holds already (routed before intake read its flag, or before it was flagged) must become confidential too.
     */
    public void whenFlaggedConfidential(Consumer<String> listener) {
        flaggedConfidential.add(listener);
    }

    public Optional<DepartmentRecord> find(String code) {
        return findIncludingDeleted(code).filter(department -> !department.deleted());
    }

    /** The department's record, deleted or not: an appeal it held still names it. */
    public Optional<DepartmentRecord> findIncludingDeleted(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, DepartmentRecord.class));
    }

    /** Keeps the settlement list unless the stored one is as new or newer. */
    public void apply(SettlementsChanged event) {
        SettlementNames list = new SettlementNames(SettlementsChanged.KEY, event.version(), event.settlements().stream()
                .map(settlement -> new SettlementNames.Entry(settlement.code(), byName(settlement.names()))).toList());
        VersionedDocuments.replaceIfNewer(mongo, SettlementsChanged.KEY, event.version(), list);
    }

    /**
     * Every settlement some department serves, with its name in {@code language}: the list a citizen chooses from
     * (value: the name it is served under; label: the page's language), sorted by the label.
     */
    public Map<String, String> settlementChoices(String language) {
        TreeSet<String> served = new TreeSet<>();
        mongo.find(Query.query(Criteria.where("deleted").is(false)), DepartmentRecord.class).stream()
                .map(DepartmentRecord::settlements).filter(list -> list != null).forEach(served::addAll);
        SettlementNames names = mongo.findById(SettlementsChanged.KEY, SettlementNames.class);
        return SettlementNames.choices(served, names == null ? List.of() : names.settlements(), language);
    }

    private static Map<String, String> byName(Map<Language, String> names) {
        Map<String, String> byName = new TreeMap<>();
        names.forEach((language, name) -> byName.put(language.name(), name));
        return byName;
    }

    @Configuration(proxyBeanMethods = false)
    static class Bindings {

        @Bean
        Consumer<Message<byte[]>> recordDirectoryChange(DepartmentDirectory directory, EventReader reader) {
            return message -> {
                String type = reader.metadata(message).type();
                if (EventTypes.DEPARTMENT_CHANGED.equals(type)) {
                    directory.apply(reader.read(message, DepartmentChanged.class).payload());
                } else if (EventTypes.SETTLEMENTS_CHANGED.equals(type)) {
                    directory.apply(reader.read(message, SettlementsChanged.class).payload());
                } else {
                    // A version this intake does not know yet: the dead letters, where someone sees it, not passed over.
                    throw new PoisonEventException("Not an event of departments.directory: " + type);
                }
            };
        }
    }
}
