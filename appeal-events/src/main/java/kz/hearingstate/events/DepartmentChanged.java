package kz.hearingstate.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code department.changed.v1} on {@link Topics#DEPARTMENTS_DIRECTORY}, keyed by department code:
 * the department's full public record after a change. {@code deleted} marks a removal. {@code address} is the one
 * every reader knows; {@code addresses}, when given, the same address written for a reader of kk, ru or en.
 */
public record DepartmentChanged(
        String code,
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
        Instant occurredAt) {
}
