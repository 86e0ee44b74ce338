package kz.hearingstate.notification.directory;

import java.util.Map;

import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.Language;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach a department, as the directory last said ({@code version} guards against stale events).
 * {@code confidential}: its appeals are told to it alone (see NotificationPlanner).
 */
@Document("department_contacts")
public record DepartmentContact(
        @Id String code,
        long version,
        Map<Language, String> names,
        String email,
        String phone,
        boolean confidential,
        boolean deleted) {

    public DepartmentContact {
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    public static DepartmentContact of(DepartmentChanged changed) {
        return new DepartmentContact(changed.code(), changed.version(), changed.names(),
                blankToNull(changed.email()), blankToNull(changed.phone()), changed.confidential(), changed.deleted());
    }

    /** The department's name for a reader of {@code language} ({@link Language#firstIn}), else its code. */
    public String name(Language language) {
        String name = Language.firstIn(language, names::get);
        return name == null ? code : name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
