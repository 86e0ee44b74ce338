package kz.hearingstate.routing.workbench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import kz.hearingstate.events.Language;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped application.yml, bound as the service binds it: what a deployer starts from. */
class WorkbenchPropertiesTest {

    @Test
    void givenTheShippedConfiguration_whenBound_thenEveryAnswerTemplateIsTitledAndWrittenInEachLanguage() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        WorkbenchProperties properties = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("hearing.routing.workbench", WorkbenchProperties.class).get();

        List<WorkbenchProperties.AnswerTemplate> education = properties.templatesFor("education");
        assertThat(education).hasSize(3).allSatisfy(template -> {
            for (Language language : Language.values()) {
                assertThat(template.title().get(language)).as("title in %s", language).isNotBlank();
                assertThat(template.text().get(language)).as("text in %s", language).isNotBlank();
            }
        });
        assertThat(education).extracting(template -> template.titleIn(Locale.forLanguageTag("kk")))
                .containsExactly("Мектеп көлігі", "Рахмет, шешілді", "Жоспарға енгізілді");
        assertThat(education).extracting(template -> template.titleIn(Locale.forLanguageTag("ru")))
                .containsExactly("Школьный транспорт", "Спасибо, решено", "Включено в план");
    }
}
