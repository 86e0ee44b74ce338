package kz.hearingstate.intake.directory;

import java.text.Collator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Intake's copy of the directory's settlement list ({@code settlements.changed.v1}): each settlement's names in
 * kk, ru and en, so the portal names a settlement in the page's language. The departments list the settlements
 * they serve by their Russian names, and the portal keeps submitting those: only the label is translated.
 */
@Document("settlements")
public record SettlementNames(@Id String id, long version, List<Entry> settlements) {

    public record Entry(String code, Map<String, String> names) {
    }

    /**
     * The portal's choices: each served settlement (the value submitted) with its name in {@code language}, sorted
     * by that name; a settlement the list does not know keeps the name it is served under.
     */
    public static Map<String, String> choices(Collection<String> served, List<Entry> list, String language) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String settlement : served) {
            String label = list.stream().filter(entry -> entry.names() != null && entry.names().containsValue(settlement))
                    .map(entry -> entry.names().get(language)).filter(name -> name != null && !name.isBlank())
                    .findFirst().orElse(settlement);
            labels.put(settlement, label);
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
        Map<String, String> sorted = new LinkedHashMap<>();
        labels.entrySet().stream().sorted(Map.Entry.comparingByValue(collator))
                .forEachOrdered(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
