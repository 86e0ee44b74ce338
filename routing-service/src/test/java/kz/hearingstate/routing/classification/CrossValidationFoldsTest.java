package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folds of {@link CrossValidation} keep all versions of one text together, so no version is scored by a model
 * trained on its translation (part of the build, unlike the cross-validation itself).
 */
class CrossValidationFoldsTest {

    private static List<List<LabelledAppeal>> groups;
    private static Map<String, Integer> folds;

    @BeforeAll
    static void fold() throws IOException {
        groups = new ArrayList<>();
        for (List<LabelledAppeal> file : CrossValidation.handwrittenFiles().values()) {
            groups.addAll(CrossValidation.translationGroups(file));
        }
        folds = CrossValidation.folds(groups);
    }

    @Test
    void givenTheHandwrittenAppeals_whenFolded_thenNoTranslationGroupStraddlesTwoFolds() {
        assertThat(groups.stream().filter(g -> g.size() > 1)).as("translation groups").hasSizeGreaterThan(1000);
        assertThat(groups.stream().filter(g -> g.stream().map(a -> folds.get(a.id())).distinct().count() > 1)
                .map(g -> g.stream().map(a -> a.id() + " in fold " + folds.get(a.id())).toList()))
                .as("groups whose versions are in different folds").isEmpty();
    }

    @Test
    void givenTheHandwrittenAppeals_whenFolded_thenEveryFoldHoldsAboutAFifth() {
        Map<Integer, Long> sizes = folds.values().stream()
                .collect(Collectors.groupingBy(f -> f, TreeMap::new, Collectors.counting()));
        assertThat(sizes.keySet()).containsExactly(0, 1, 2, 3, 4);
        assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isBetween(folds.size() / 6L, folds.size() / 4L));
    }

    @Test
    void givenVersionsReadAsTranslations_thenEachSetIsOneGroup() {
        // Checked by reading: kk, ru and en versions of one request, in the orders and with the gaps the files have.
        assertThat(groupOf("H-HO6-0031")).containsExactly("H-HO6-0031", "H-HO6-0032", "H-HO6-0033");
        assertThat(groupOf("H-AC9-0002")).containsExactly("H-AC9-0001", "H-AC9-0002", "H-AC9-0003");
        assertThat(groupOf("H-SW3-0037")).containsExactly("H-SW3-0037", "H-SW3-0039"); // its ru version was deleted
        assertThat(groupOf("H-SW3-0044")).containsExactly("H-SW3-0044", "H-SW3-0045");
        assertThat(groupOf("H-SW3-0047")).containsExactly("H-SW3-0046", "H-SW3-0047", "H-SW3-0048");
        // Written by language (twenty ru, then twenty en, ...): different texts, each alone.
        assertThat(groupOf("H-AG-0002")).containsExactly("H-AG-0002");
    }

    @Test
    void givenConsecutiveAppeals_thenAGroupHoldsEachLanguageOnceInOneStyle() {
        List<List<LabelledAppeal>> cut = CrossValidation.translationGroups(List.of(
                appeal("1", "kk", "hard"), appeal("2", "ru", "hard"), appeal("3", "en", "hard"),
                appeal("4", "ru", "hard"), appeal("5", "ru", "hard"),
                appeal("6", "en", "hard"), appeal("7", "kk", "messenger")));
        assertThat(cut).extracting(CrossValidationFoldsTest::ids)
                .containsExactly(List.of("1", "2", "3"), List.of("4"), List.of("5", "6"), List.of("7"));
    }

    private static List<String> groupOf(String id) {
        return groups.stream().filter(g -> g.stream().anyMatch(a -> a.id().equals(id))).findFirst()
                .map(CrossValidationFoldsTest::ids).orElseThrow();
    }

    private static List<String> ids(Collection<LabelledAppeal> group) {
        return group.stream().map(LabelledAppeal::id).toList();
    }

    private static LabelledAppeal appeal(String id, String language, String style) {
        return new LabelledAppeal(id, language, style, "text " + id, "health");
    }
}
