package kz.hearingstate.intake.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.Language;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Intake's copy of a department's public record from {@code departments.directory}: what the portal shows a
 * citizen (name, public contacts) and the settlements it serves. {@code changedBy} (an administrator) is not kept.
 */
@Document(DepartmentRecord.COLLECTION)
public record DepartmentRecord(
        @Id String code,
        long version,
        Map<String, String> names,
        String phone,
        String email,
        String address,
        Map<String, String> addresses,
        List<String> settlements,
        boolean confidential,
        boolean deleted) {

    static final String COLLECTION = "departments";

    /** The name for a reader of {@code language} (kk, ru, en; {@link Language#firstIn}), else the code. */
    public String name(String language) {
        if (names == null) {
            return code;
        }
        Language reader = Arrays.stream(Language.values()).filter(l -> l.name().equals(language)).findFirst().orElse(null);
        String name = Language.firstIn(reader, l -> names.get(l.name()));
        return name == null ? code : name;
    }

    /**
     * The address as written for a reader of {@code language}, else the one every reader gets: never another language's
     * written form, since the plain address is the one the department gave for everyone.
     */
    public String address(String language) {
        String written = addresses == null ? null : addresses.get(language);
        return written == null || written.isBlank() ? address : written;
    }
}
