package kz.hearingstate.routing.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.Language;
import kz.hearingstate.events.Settlement;

/**
 * Turns an appeal's free-text settlement into a code of the directory's canonical list, or
 * {@link Settlement#OTHER}. A name or a spelling matches however it is written: case, Kazakh letters and
 * Latin transliteration are folded by {@link Settlements#key}, so "Ұзынағаш", "Узынагаш", "Uzynagash" and
 * "UZUNAGACH" (a listed spelling) all give {@code uzynagash}. Anything else, a name and a phone number
 * typed into the field for instance, is "other": only the code is counted or shown publicly.
 */
public final class SettlementNormaliser {

    private final List<Settlement> settlements;
    private final Map<String, String> codeByKey = new HashMap<>();
    private final Map<String, Settlement> byCode = new HashMap<>();

    public SettlementNormaliser(List<Settlement> settlements) {
        this.settlements = List.copyOf(settlements);
        for (Settlement settlement : this.settlements) {
            byCode.put(settlement.code(), settlement);
            settlement.names().values().forEach(name -> codeByKey.put(Settlements.key(name), settlement.code()));
            settlement.spellings().forEach(spelling -> codeByKey.put(Settlements.key(spelling), settlement.code()));
        }
    }

    /** @return the settlement's code, {@link Settlement#OTHER}, or null when no settlement was given */
    public String code(String freeText) {
        if (freeText == null || freeText.isBlank()) {
            return null;
        }
        return codeByKey.getOrDefault(Settlements.key(freeText), Settlement.OTHER);
    }

    /**
     * The listed settlement's own (Russian) name when the free text names one, however spelled ("Uzunagach" gives
     * "Узынагаш"); otherwise the text as it is. A department's coverage ({@link Settlements#covers}) lists names, not
     * spellings, so an appeal is matched by this name.
     */
    public String canonicalName(String freeText) {
        String code = code(freeText);
        Settlement settlement = code == null ? null : byCode.get(code);
        return settlement == null ? freeText : settlement.names().getOrDefault(Language.ru, freeText);
    }

    /**
     * A listed settlement's name in {@code reader}'s language (or the first of its fallbacks that the list has), however
     * the text spells it; any other text as it is.
     */
    public String nameIn(Language reader, String freeText) {
        String code = code(freeText);
        Settlement settlement = code == null ? null : byCode.get(code);
        String name = settlement == null ? null : Language.firstIn(reader, settlement.names()::get);
        return name == null ? freeText : name;
    }

    /**
     * Whether two texts name the same settlement: the same listed one however spelled ("Uzunagach", "Ұзынағаш"), or,
     * outside the list, the same text as {@link Settlements#key} folds it.
     */
    public boolean same(String one, String other) {
        String code = code(one);
        if (code != null && !Settlement.OTHER.equals(code)) {
            return code.equals(code(other));
        }
        return one != null && other != null && Settlements.key(one).equals(Settlements.key(other));
    }

    public List<Settlement> settlements() {
        return settlements;
    }
}
