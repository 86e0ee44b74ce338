package kz.hearingstate.routing.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.storage.RecentReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The department directory: seeded from the versioned file at start-up, edited by the admin, and
 * published as {@code department.changed.v1} on {@code departments.directory} (keyed by code) after each
 * change. At start-up every department is published again under its deterministic event id, so a
 * service that missed an event learns the directory and one that did not sees only duplicates.
 *
 * <p>Routing reads the active departments once per batch of appeals ({@link #routable()}); that read is kept for
 * {@link RecentReads#FRESH_FOR}. A change made through this instance routes the next batch by it; one made through
 * another instance of routing, within {@link RecentReads#FRESH_FOR}.
 */
@Service
public class DirectoryService {

    private static final Logger log = LoggerFactory.getLogger(DirectoryService.class);
    private static final String SEEDED_BY = "directory-file";
    private static final String ACTIVE = "active";
    private static final String ALL = "all";

    private final DepartmentStore store;
    private final EventPublisher publisher;
    private final Clock clock;
    private final RoutingProperties properties;
    private final JsonMapper mapper;
    private final RecentReads<String, List<Department>> routable;
    /** The confidential codes: asked per appeal page, action answer and workbench row, changed once in a blue moon. */
    private final RecentReads<String, Set<String>> confidential;

    public DirectoryService(DepartmentStore store, EventPublisher publisher, Clock clock, RoutingProperties properties,
            JsonMapper mapper) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
        this.mapper = mapper;
        this.routable = new RecentReads<>(1, clock, key -> List.copyOf(store.active()));
        this.confidential = new RecentReads<>(1, clock, key -> Collections.unmodifiableSet(new HashSet<>(store.all().stream()
                .filter(Department::confidential).map(Department::code).toList())));
    }

    /**
     * Adds the file's departments that the database does not know yet; admin edits and deletions are kept. A department
     * still as the file seeded it, stored before the file wrote its address for each language, gets those addresses
     * (its next version, published with the rest): no admin changed it, so nothing of theirs is overwritten.
     */
    public int seedFromFile() {
        DirectoryFile file = DirectoryFile.read(properties.directoryFile(), mapper);
        String seededBy = SEEDED_BY + ":v" + file.version();
        int added = 0;
        int addressed = 0;
        for (DepartmentRequest request : file.departments()) {
            if (store.insert(toDepartment(request.code(), request, 1, seededBy, request.isConfidential(), written(request)))) {
                added++;
            } else if (addAddresses(request, seededBy)) {
                addressed++;
            }
        }
        forgetReads();
        log.info("Department directory {} v{}: {} departments in the file, {} added, {} given their addresses in kk, ru and en",
                file.jurisdiction(), file.version(), file.departments().size(), added, addressed);
        return added;
    }

    /**
     * The file's addresses for each language onto a stored department still as the file seeded it, without them.
     *
     * @return false too when another instance, starting at the same moment, wrote them first (the same ones)
     */
    private boolean addAddresses(DepartmentRequest request, String seededBy) {
        if (request.addresses() == null) {
            return false;
        }
        Optional<Department> asSeeded = store.find(request.code()).filter(stored -> stored.addresses() == null
                && !stored.deleted() && stored.changedBy() != null && stored.changedBy().startsWith(SEEDED_BY)
                && request.address().equals(stored.address())); // the same place, written for each language
        return asSeeded.isPresent() && store.replace(asSeeded.get().withAddresses(written(request), seededBy, Instant.now(clock)),
                asSeeded.get().version());
    }

    /**
     * Publishes every department (tombstones too) under its deterministic id, and the file's settlement
     * list under {@code settlements:v<version>}.
     */
    public void publishAll() {
        store.all().forEach(this::publish);
        DirectoryFile file = DirectoryFile.read(properties.directoryFile(), mapper);
        publisher.publish(Topics.DEPARTMENTS_DIRECTORY, SettlementsChanged.KEY, "settlements:v" + file.version(),
                EventTypes.SETTLEMENTS_CHANGED, SettlementsChanged.KEY,
                new SettlementsChanged(file.version(), file.settlements(), Instant.now(clock)));
    }

    public List<Department> active() {
        return store.active();
    }

    /** The active departments as routing classifies by them: read at most {@link RecentReads#FRESH_FOR} ago. */
    public List<Department> routable() {
        return routable.get(ACTIVE);
    }

    /**
     * Codes of the departments whose appeals are confidential, deleted ones included (their appeals stay
     * confidential). Decided by the directory's flag, never by a code. Read at most {@link RecentReads#FRESH_FOR} ago
     * when another instance made the change; a flag is never cleared, so that lag can only be of a newly flagged one.
     */
    public Set<String> confidentialCodes() {
        return confidential.get(ALL);
    }

    /** Whether a department's appeals are confidential ({@link #confidentialCodes}); false for no department. */
    public boolean isConfidential(String code) {
        return code != null && confidentialCodes().contains(code);
    }

    /** The confidential departments' part in an appeal as seen by a reader that {@code speaksFor} some departments. */
    public ConfidentialReader reader(Predicate<String> speaksFor) {
        return new ConfidentialReader(this::isConfidential, speaksFor);
    }

    public Optional<Department> find(String code) {
        return store.find(code).filter(d -> !d.deleted());
    }

    public boolean isActive(String code) {
        return code != null && find(code).isPresent();
    }

    public Department create(DepartmentRequest request, String changedBy) {
        Optional<Department> existing = store.find(request.code());
        if (existing.isPresent() && !existing.get().deleted()) {
            throw new DirectoryConflictException("Department " + request.code() + " exists already.");
        }
        Department created;
        if (existing.isEmpty()) {
            created = toDepartment(request.code(), request, 1, changedBy, request.isConfidential(), written(request));
            if (!store.insert(created)) {
                throw new DirectoryConflictException("Department " + request.code() + " exists already.");
            }
            forgetReads();
        } else {
            created = toDepartment(request.code(), request, existing.get().version() + 1, changedBy,
                    confidentialAfter(existing.get(), request), written(request));
            replaceOrConflict(created, existing.get().version());
        }
        publish(created);
        return created;
    }

    public Department update(String code, DepartmentRequest request, String changedBy) {
        Department current = find(code).orElseThrow(() -> new DepartmentNotFoundException(code));
        Department updated = toDepartment(code, request, current.version() + 1, changedBy, confidentialAfter(current, request),
                addressesAfter(current, request));
        replaceOrConflict(updated, current.version());
        publish(updated);
        return updated;
    }

    public Department delete(String code, String changedBy) {
        if (Department.AKIM_OFFICE.equals(code)) {
            throw new DirectoryConflictException("akim-office is the triage desk and cannot be deleted.");
        }
        if (Department.ANTI_CORRUPTION.equals(code)) {
            // The detector sends every report there: deleted, its reports would reach no one who may read them, and no
            // one could route or forward one there by hand.
            throw new DirectoryConflictException("anti-corruption receives every corruption report and cannot be deleted.");
        }
        Department current = find(code).orElseThrow(() -> new DepartmentNotFoundException(code));
        Department deleted = current.asDeleted(changedBy, Instant.now(clock));
        replaceOrConflict(deleted, current.version());
        publish(deleted);
        return deleted;
    }

    private void replaceOrConflict(Department department, long expectedVersion) {
        boolean replaced = store.replace(department, expectedVersion);
        forgetReads();
        if (!replaced) {
            throw new DirectoryConflictException("Department " + department.code() + " was changed meanwhile; reload and retry.");
        }
    }

    /** After a write: this instance reads it at once (another within RecentReads.FRESH_FOR). */
    private void forgetReads() {
        routable.forget(ACTIVE);
        confidential.forget(ALL);
    }

    private void publish(Department department) {
        publisher.publish(Topics.DEPARTMENTS_DIRECTORY, department.code(), department.eventId(),
                EventTypes.DEPARTMENT_CHANGED, department.code(), department.toEvent());
    }

    /**
     * The addresses for each language after an update: left out, they are kept while the address stays the same (a
     * client that does not know the field loses nothing), and dropped when it changes (they would name the old place,
     * and every reader is shown them first).
     */
    private static Map<Language, String> addressesAfter(Department current, DepartmentRequest request) {
        if (request.addresses() != null) {
            return written(request);
        }
        return request.address().equals(current.address()) ? current.addresses() : null;
    }

    /** The addresses a request writes for each language; none for an empty map, which clears them. */
    private static Map<Language, String> written(DepartmentRequest request) {
        return request.addresses() == null || request.addresses().isEmpty() ? null : Map.copyOf(request.addresses());
    }

    private Department toDepartment(String code, DepartmentRequest request, long version, String changedBy, boolean confidential,
            Map<Language, String> addresses) {
        return new Department(code, version, request.names(), request.phone(), request.email(), request.address(), addresses,
                List.copyOf(request.categories()), request.settlements() == null ? List.of() : List.copyOf(request.settlements()),
                request.isInternal(), confidential, false, changedBy, Instant.now(clock));
    }

    /**
     * The confidential flag after a change of a department (or its re-creation after a delete): once confidential,
     * always, since its reports were taken in under that promise and the flag is what keeps them from every other
     * reader. Left out of the request, the flag stays as it was; a department may become confidential.
     */
    private static boolean confidentialAfter(Department current, DepartmentRequest request) {
        if (current.confidential() && Boolean.FALSE.equals(request.confidential())) {
            throw new DirectoryConflictException("Department " + current.code()
                    + " is confidential and stays so: its appeals were taken in as confidential.");
        }
        return current.confidential() || request.isConfidential();
    }

    /** 404 */
    public static class DepartmentNotFoundException extends RuntimeException {
        public DepartmentNotFoundException(String code) {
            super("No department " + code + ".");
        }
    }

    /** 409 */
    public static class DirectoryConflictException extends RuntimeException {
        public DirectoryConflictException(String message) {
            super(message);
        }
    }
}
