package kz.hearingstate.analytics.figures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import kz.hearingstate.analytics.facts.AppealFact;

/** Optional filters of a time series by the dimensions the summary splits by; null means any. */
public record Dimensions(String department, String category, String channel, String settlement, String language) {

    public static final Dimensions ANY = new Dimensions(null, null, null, null, null);

    public boolean matches(AppealFact fact) {
        return matches(department, fact.getDepartment()) && matches(category, fact.getCategory())
                && matches(channel, fact.getChannel()) && matches(settlement, fact.getSettlement())
                && matches(language, fact.getLanguage());
    }

    /** Whether it splits by more than the department: a category, channel, settlement or language. */
    public boolean splitsBeyondDepartment() {
        return category != null || channel != null || settlement != null || language != null;
    }

    /** The filters in use, by name, for the answer. */
    public Map<String, String> asMap() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("department", department);
        filters.put("category", category);
        filters.put("channel", channel);
        filters.put("settlement", settlement);
        filters.put("language", language);
        filters.values().removeIf(Objects::isNull);
        return filters;
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
