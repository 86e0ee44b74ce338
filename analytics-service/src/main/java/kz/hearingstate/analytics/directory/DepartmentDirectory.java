package kz.hearingstate.analytics.directory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.storage.IndexedCollection;
import kz.hearingstate.storage.VersionedDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The {@code departments} and {@code settlements} collections, fed by {@code departments.directory}. A change
 * replaces the record only when its version is newer, so redeliveries and replays leave the latest version in
 * place. The settlement list is one document read by {@code _id}: it needs no index of its own.
 */
public class DepartmentDirectory implements IndexedCollection {

    private final MongoOperations mongo;

    public DepartmentDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return DepartmentEntry.class;
    }

    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("deleted", Sort.Direction.ASC).named("deleted"),
                new Index().on("confidential", Sort.Direction.ASC).named("confidential"));
    }

    /**
     * Stores the change unless the stored record is as new or newer.
     *
     * @return whether the department became countable ({@link #countableCodes}) with it: read for the first time, or no
     *         longer confidential
     */
    public boolean apply(DepartmentChanged event) {
        DepartmentEntry before = mongo.findById(event.code(), DepartmentEntry.class);
        DepartmentEntry entry = new DepartmentEntry(event.code(), event.version(), names(event.names()), event.phone(), event.email(),
                event.address(), event.addresses() == null ? null : names(event.addresses()), event.categories(), event.settlements(), event.internal(), event.confidential(),
                event.deleted());
        boolean stored = VersionedDocuments.replaceIfNewer(mongo, event.code(), event.version(), entry);
        return stored && !event.confidential() && (before == null || before.confidential());
    }

    /** Keeps the settlement list unless the stored one is as new or newer. */
    public void apply(SettlementsChanged event) {
        SettlementList list = new SettlementList(SettlementsChanged.KEY, event.version(), event.settlements().stream()
                .map(s -> new SettlementList.Entry(s.code(), names(s.names()))).toList());
        VersionedDocuments.replaceIfNewer(mongo, SettlementsChanged.KEY, event.version(), list);
    }

    /** The canonical settlements by code with their names, as the directory last published them. */
    public List<SettlementList.Entry> settlements() {
        SettlementList list = mongo.findById(SettlementsChanged.KEY, SettlementList.class);
        return list == null ? List.of() : list.settlements();
    }

    private static Map<String, String> names(Map<Language, String> byLanguage) {
        Map<String, String> names = new TreeMap<>();
        byLanguage.forEach((language, name) -> names.put(language.name(), name));
        return names;
    }

    /**
     * Departments the public may see: every one not deleted, by code. {@code internal} only says the
     * department belongs to the akimat (the police does not); its contacts are public all the same.
     */
    public List<DepartmentEntry> publicDepartments() {
        return mongo.find(Query.query(Criteria.where("deleted").is(false)).with(Sort.by("_id")), DepartmentEntry.class);
    }

    /**
     * Codes of the departments whose appeals are confidential (deleted ones too: their appeals stay
     * confidential). Public lists never show these appeals one by one.
     */
    public Set<String> confidentialCodes() {
        return mongo.find(Query.query(Criteria.where("confidential").is(true)), DepartmentEntry.class).stream().map(DepartmentEntry::code).collect(Collectors.toSet());
    }

    /**
     * Codes of the departments read from the directory and not confidential (deleted ones too): those whose appeals may
     * count in a public list such as a hotspot. A department not read yet is not among them: a fresh instance
     * rebuilding from offset 0 reads {@code departments.directory} beside the appeals' topics, and until it has read a
     * department, whether that one is confidential is unknown, not "no".
     */
    public Set<String> countableCodes() {
        return mongo.find(Query.query(Criteria.where("confidential").is(false)), DepartmentEntry.class).stream()
                .map(DepartmentEntry::code).collect(Collectors.toSet());
    }
}
