package kz.hearingstate.routing.classification;

import java.util.List;

import kz.hearingstate.routing.directory.Department;

/**
 * Compares settlement names however they are written: "Узынагаш", "Ұзынағаш", "Uzynagash" and
 * "UZYNAGASH" all give the same key (Latin transliterated, Kazakh letters folded to their Russian twins).
 */
public final class Settlements {

    private static final String KAZAKH = "әғқңөұүһі";
    private static final String RUSSIAN = "агкноуухи";

    private Settlements() {
    }

    /** Whether the department serves the place of {@code settlementKey}; one without a list serves every place. */
    public static boolean covers(Department department, String settlementKey) {
        List<String> settlements = department.settlements();
        return settlements == null || settlements.isEmpty()
                || settlements.stream().map(Settlements::key).anyMatch(settlementKey::equals);
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String cyrillic = TextFeatures.toCyrillic(TextFeatures.normalise(name));
        StringBuilder out = new StringBuilder(cyrillic.length());
        for (char c : cyrillic.toCharArray()) {
            int kazakh = KAZAKH.indexOf(c);
            out.append(kazakh >= 0 ? RUSSIAN.charAt(kazakh) : c);
        }
        return out.toString().replace(" ", "");
    }
}
