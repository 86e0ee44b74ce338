package kz.hearingstate.events;

import java.util.List;
import java.util.Map;

/**
 * A settlement of the directory's canonical list: its code (what figures and public pages carry), its
 * names and the other spellings an appeal may use for it.
 */
public record Settlement(String code, Map<Language, String> names, List<String> spellings) {

    /** What a settlement outside the list is counted and shown as: the free text never is. */
    public static final String OTHER = "other";
}
