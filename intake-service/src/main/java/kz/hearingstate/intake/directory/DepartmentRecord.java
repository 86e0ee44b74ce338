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
        String name = inLanguage(names, language);
        return name == null ? code : name;
    }

    /** The address written for a reader of {@code language}, else the one every reader gets (routing's directory may give only that). */
    public String address(String language) {
        String written = inLanguage(addresses, language);
        return written == null ? address : written;
    }

    private static String inLanguage(Map<String, String> byLanguage, String language) {
        if (byLanguage == null) {
            return null;
        }
        Language reader = Arrays.stream(Language.values()).filter(l -> l.name().equals(language)).findFirst().orElse(null);
        return Language.firstIn(reader, l -> byLanguage.get(l.name()));
    }
}
