package kz.hearingstate.analytics.directory;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Analytics' copy of a department's public record. {@code changedBy} of the event (an administrator)
 * is deliberately not kept: it names a person.
 */
@Document("departments")
public record DepartmentEntry(
        @Id String code,
        long version,
        Map<String, String> names,
        String phone,
        String email,
        String address,
        Map<String, String> addresses,
        List<String> categories,
        List<String> settlements,
        boolean internal,
        boolean confidential,
        boolean deleted) {
}
