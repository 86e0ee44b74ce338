package kz.hearingstate.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The three languages the platform speaks. Lower-case codes on the wire: kk, ru, en. */
public enum Language {
    kk, ru, en;

    /**
     * The languages to try, in order, for a reader of this one when a text (a department's name, a message template)
     * may be missing in some: theirs, then Russian (read across the district), then Kazakh (the state language), then
     * English. One order everywhere, so that one message never mixes languages.
     */
    public List<Language> withFallbacks() {
        Set<Language> order = new LinkedHashSet<>(List.of(this, ru, kk, en));
        return List.copyOf(order);
    }

    /** The first text that is there and not blank, in {@code reader}'s order ({@link #withFallbacks}); null when none. */
    public static String firstIn(Language reader, Function<Language, String> texts) {
        for (Language language : (reader == null ? ru : reader).withFallbacks()) {
            String text = texts.apply(language);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
