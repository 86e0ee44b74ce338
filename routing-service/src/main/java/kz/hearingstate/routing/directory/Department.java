package kz.hearingstate.routing.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.Language;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department of the directory, as stored and as published. {@code version} grows by one with every
 * change, so {@code department.changed.v1} events carry the id {@code department:<code>:<version>} and
 * consumers can ignore stale or repeated ones. A deleted department stays as a tombstone.
 */
@Document(DepartmentStore.COLLECTION)
public record Department(
        @Id String code,
        long version,
        Map<Language, String> names,
        String phone,
        String email,
        String address,
        Map<Language, String> addresses,
        List<String> categories,
        List<String> settlements,
        boolean internal,
        boolean confidential,
        boolean deleted,
        String changedBy,
        Instant changedAt) {

    /** The triage desk and the target of escalations; it cannot be deleted. */
    public static final String AKIM_OFFICE = "akim-office";
    /** Where corruption reports always go; it cannot be deleted. */
    public static final String ANTI_CORRUPTION = "anti-corruption";
    /** Where crimes and threats to public safety go (forwarded to the police). */
    public static final String PUBLIC_ORDER = "public-order";

    public String eventId() {
        return "department:" + code + ":" + version;
    }

    /** The next version, with its address written for each language (seeding adds them to a department stored before). */
    Department withAddresses(Map<Language, String> written, String by, Instant at) {
        return nextVersion(written, deleted, by, at);
    }

    /** The next version, deleted: a tombstone, which receives no appeals. */
    Department asDeleted(String by, Instant at) {
        return nextVersion(addresses, true, by, at);
    }

    private Department nextVersion(Map<Language, String> addresses, boolean deleted, String by, Instant at) {
        return new Department(code, version + 1, names, phone, email, address, addresses, categories, settlements, internal,
                confidential, deleted, by, at);
    }

    public DepartmentChanged toEvent() {
        return new DepartmentChanged(code, version, names, phone, email, address, addresses, categories, settlements,
                internal, confidential, deleted, changedBy, changedAt);
    }
}
