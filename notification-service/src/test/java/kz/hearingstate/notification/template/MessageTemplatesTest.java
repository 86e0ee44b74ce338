package kz.hearingstate.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import kz.hearingstate.events.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    static Stream<Arguments> everyTemplateInEveryLanguage() {
        return Stream.of(MessageTemplate.values())
                .flatMap(template -> Stream.of(Language.values()).map(language -> Arguments.of(template, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void givenEveryValue_whenRendered_thenOwnFileIsUsedAndNoPlaceholderIsLeft(MessageTemplate template, Language language)
            throws IOException {
        RenderedMessage message = templates.render(template, language, allValues());

        assertThat(message.language()).as("a file exists for this language").isEqualTo(language);
        assertThat(message.subject()).isNotBlank().contains("ZH-7F3K2Q").doesNotContain("{{", "}}");
        assertThat(message.body()).isNotBlank().contains("ZH-7F3K2Q").doesNotContain("{{", "}}", "Subject:");
        assertThat(rawFile(template, language)).as("template text is in its own language")
                .satisfies(text -> assertWrittenIn(text, language));
    }

    @Test
    void givenAnswer_whenRenderedInKazakh_thenAnswerAndRatingLinkAreInTheBody() {
        RenderedMessage message = templates.render(MessageTemplate.APPEAL_ANSWERED, Language.kk, allValues());

        assertThat(message.body()).contains("Жарық шамдары ауыстырылды.", "https://appeals.test/appeals/ZH-7F3K2Q/feedback");
        assertThat(message.subject()).isEqualTo("Сіздің ZH-7F3K2Q өтінішіңізге жауап");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Language.class)
    void givenTheRegistration_whenRenderedInEachLanguage_thenItCarriesThePrivateLinkAndSaysToKeepItPrivate(Language language) {
        RenderedMessage message = templates.render(MessageTemplate.APPEAL_REGISTERED, language, allValues());

        assertThat(message.body()).contains("https://appeals.test/portal/a/7k3m9qxa2drbk0p4c8w6h1n5")
                .doesNotContain("https://appeals.test/appeals/ZH-7F3K2Q");
        assertThat(message.body()).containsAnyOf("Do not share", "Никому не", "ешкімге бермеңіз");
    }

    @Test
    void givenMissingValue_whenRendered_thenADashStandsInsteadOfTheWordNull() {
        Map<String, String> values = allValues();
        values.put("reason", null);

        RenderedMessage message = templates.render(MessageTemplate.APPEAL_REJECTED, Language.en, values);

        assertThat(message.body()).contains("Reason: —").doesNotContain("null");
    }

    @Test
    void givenEnglishFileMissing_whenRenderedInEnglish_thenRussianIsUsed() {
        RenderedMessage message = new MessageTemplates("fallback-templates")
                .render(MessageTemplate.APPEAL_REGISTERED, Language.en, Map.of("trackingCode", "ZH-1"));

        assertThat(message.language()).isEqualTo(Language.ru);
        assertThat(message.subject()).isEqualTo("RU ZH-1");
        assertThat(message.body()).isEqualTo("Русский текст ZH-1");
    }

    @Test
    void givenOnlyKazakhFile_whenRenderedInEnglish_thenKazakhIsUsed() {
        RenderedMessage message = new MessageTemplates("fallback-templates")
                .render(MessageTemplate.APPEAL_ROUTED, Language.en, Map.of());

        assertThat(message.language()).isEqualTo(Language.kk);
        assertThat(message.body()).isEqualTo("Тек қазақша");
    }

    @Test
    void givenTemplateUsingUnknownPlaceholder_whenRendered_thenItFailsLoudlyInsteadOfSendingABlank() {
        assertThatThrownBy(() -> new MessageTemplates("fallback-templates")
                .render(MessageTemplate.APPEAL_ANSWERED, Language.en, Map.of("trackingCode", "ZH-1")))
                .hasMessageContaining("unknownValue");
    }

    private static Map<String, String> allValues() {
        Map<String, String> values = new HashMap<>();
        values.put("appealId", "ap-42");
        values.put("trackingCode", "ZH-7F3K2Q");
        values.put("deadline", "18.12.2026 18:00");
        values.put("statusUrl", "https://appeals.test/appeals/ZH-7F3K2Q");
        values.put("accessUrl", "https://appeals.test/portal/a/7k3m9qxa2drbk0p4c8w6h1n5");
        values.put("department", "Roads");
        values.put("previousDepartment", "Housing");
        values.put("category", "roads");
        values.put("reason", "A site visit is needed.");
        values.put("answer", "Жарық шамдары ауыстырылды.");
        values.put("forwardedTo", "KEGOC");
        values.put("feedbackUrl", "https://appeals.test/appeals/ZH-7F3K2Q/feedback");
        return values;
    }

    private static String rawFile(MessageTemplate template, Language language) throws IOException {
        String path = "templates/" + template.fileName() + "/" + language.name() + ".txt";
        try (InputStream in = MessageTemplatesTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Kazakh uses letters Russian does not (ә, ғ, қ, ң, ө, ұ, ү, һ, і); English uses no Cyrillic. */
    private static void assertWrittenIn(String text, Language language) {
        String withoutPlaceholders = text.replaceAll("\\{\\{\\w+}}", "").replace("Subject:", "");
        boolean cyrillic = withoutPlaceholders.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        boolean kazakhLetters = withoutPlaceholders.chars().anyMatch(c -> "әғқңөұүһіӘҒҚҢӨҰҮҺІ".indexOf(c) >= 0);
        switch (language) {
            case en -> assertThat(cyrillic).as("English without Cyrillic").isFalse();
            case ru -> assertThat(cyrillic && !kazakhLetters).as("Russian in Cyrillic, no Kazakh-only letters").isTrue();
            case kk -> assertThat(kazakhLetters).as("Kazakh with its own letters").isTrue();
        }
    }
}
