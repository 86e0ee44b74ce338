package kz.hearingstate.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryNamesTest {

    @Test
    void givenTheTable_thenEveryCategoryHasANameInEachLanguage() {
        assertThat(CategoryNames.all()).hasSizeGreaterThanOrEqualTo(40).allSatisfy((code, names) -> {
            assertThat(code).matches("[a-z]+(-[a-z]+)*");
            assertThat(names).as(code).containsOnlyKeys(CategoryNames.LANGUAGES);
            assertThat(names.values()).as(code).allSatisfy(name -> assertThat(name).isNotBlank());
        });
    }

    @Test
    void givenACode_whenNamed_thenInTheLanguageAskedAndTheCodeItselfWhenTheTableLacksIt() {
        assertThat(CategoryNames.name("stray-animals", "kk")).isEqualTo("Қаңғыбас жануарлар");
        assertThat(CategoryNames.name("stray-animals", "ru")).isEqualTo("Бездомные животные");
        assertThat(CategoryNames.name("stray-animals", "de")).isEqualTo("Stray animals");
        assertThat(CategoryNames.name("potholes", "ru")).isEqualTo("potholes");
        assertThat(CategoryNames.name(null, "en")).isEmpty();
    }
}
