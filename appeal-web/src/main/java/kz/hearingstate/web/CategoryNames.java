package kz.hearingstate.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The appeal categories' names in Kazakh, Russian and English ({@value #RESOURCE}): the one table every service and
 * page names a category code from (the directory's codes, and intake's category hints among them). A code it lacks
 * is shown as it is. Languages by their codes: kk, ru, en.
 */
public final class CategoryNames {

    public static final String RESOURCE = "/kz/hearingstate/web/category-names.json";
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private static final Map<String, Map<String, String>> NAMES = load();

    private CategoryNames() {
    }

    /** Every code with its names by language code, in the table's order. */
    public static Map<String, Map<String, String>> all() {
        return NAMES;
    }

    /** The code's names by language code; empty for a code the table lacks. */
    public static Map<String, String> of(String code) {
        return code == null ? Map.of() : NAMES.getOrDefault(code, Map.of());
    }

    /** The code's name in {@code language} (kk, ru, en), else in English, else the code itself; "" for none. */
    public static String name(String code, String language) {
        if (code == null) {
            return "";
        }
        Map<String, String> names = of(code);
        return names.getOrDefault(language, names.getOrDefault("en", code));
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = CategoryNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, Map<String, String>> raw = JsonMapper.builder().build().readValue(in,
                    new TypeReference<LinkedHashMap<String, Map<String, String>>>() { });
            Map<String, Map<String, String>> names = new LinkedHashMap<>();
            raw.forEach((code, byLanguage) -> names.put(code, Map.copyOf(byLanguage)));
            return Collections.unmodifiableMap(names);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
