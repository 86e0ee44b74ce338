package kz.hearingstate.opschecks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' words in kk, ru and en: every bundle (a {@code name.properties} beside its {@code name_kk} and
 * {@code name_ru}, under any module's resources) has the same keys in each language, and each message's apostrophes are written as Spring will show them. Spring passes a message
 * through {@link java.text.MessageFormat} only when it has arguments: there an apostrophe must be doubled
 * ({@code official''s}) or MessageFormat drops it and what follows; without arguments the text is shown as written,
 * so a doubled one shows twice ({@code official''s} on the page).
 */
class MessageBundlesTest {

    private static final Pattern TRANSLATION = Pattern.compile("(.+)_(kk|ru)\\.properties");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void givenEveryMessageBundle_whenItsLanguagesAreCompared_thenEachHasEveryKey() {
        Map<Path, Map<String, Set<String>>> keysByBundle = new TreeMap<>();
        for (Path file : bundles()) {
            keysByBundle.computeIfAbsent(bundleOf(file), bundle -> new TreeMap<>())
                    .put(file.getFileName().toString(), load(file).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        keysByBundle.forEach((bundle, byLanguage) -> {
            Set<String> every = byLanguage.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
            byLanguage.forEach((file, keys) -> every.stream().filter(key -> !keys.contains(key))
                    .forEach(key -> missing.add(bundle.resolveSibling(file) + " lacks " + key)));
        });

        assertThat(keysByBundle).as("bundles found").hasSizeGreaterThanOrEqualTo(5);
        assertThat(keysByBundle).allSatisfy((bundle, byLanguage) -> assertThat(byLanguage).as(bundle.toString()).hasSize(3));
        assertThat(missing).isEmpty();
    }

    @Test
    void givenEveryMessage_whenItsApostrophesAreRead_thenTheyAreWrittenAsSpringShowsThem() {
        List<String> wrong = new ArrayList<>();
        for (Path file : bundles()) {
            Properties messages = load(file);
            for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                wrong.addAll(apostropheMistakes(file + " " + key, messages.getProperty(key)));
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void givenAMessageOfEachMistake_whenChecked_thenEachIsNamed() {
        assertThat(apostropheMistakes("no-arguments", "the official''s own")).singleElement().asString().contains("twice");
        assertThat(apostropheMistakes("arguments", "score {0}, the official's own")).singleElement().asString()
                .contains("drops");
        assertThat(apostropheMistakes("fine", "the official's own")).isEmpty();
        assertThat(apostropheMistakes("fine", "score {0}, the official''s own")).isEmpty();
    }

    static List<String> apostropheMistakes(String where, String message) {
        boolean formatted = ARGUMENT.matcher(message).find();
        if (!formatted && message.contains("''")) {
            return List.of(where + ": no arguments, so '' shows twice: write one apostrophe");
        }
        if (formatted && LONE_APOSTROPHE.matcher(message).find()) {
            return List.of(where + ": with arguments, MessageFormat drops a lone apostrophe and quotes what follows: write ''");
        }
        return List.of();
    }

    /** Every file of every bundle: those with a Kazakh or Russian translation, and their English base. */
    private static List<Path> bundles() {
        List<Path> resources = Repository.sourceFiles().stream()
                .filter(path -> path.toString().contains("src/main/resources") && path.toString().endsWith(".properties"))
                .toList();
        Set<Path> translated = resources.stream().filter(path -> TRANSLATION.matcher(path.getFileName().toString()).matches())
                .map(MessageBundlesTest::bundleOf).collect(Collectors.toSet());
        return resources.stream().filter(path -> translated.contains(bundleOf(path))).toList();
    }

    /** The bundle a file belongs to: its folder and base name, without the language. */
    private static Path bundleOf(Path file) {
        String name = file.getFileName().toString();
        var translation = TRANSLATION.matcher(name);
        return file.resolveSibling(translation.matches() ? translation.group(1) : name.substring(0, name.length() - ".properties".length()));
    }

    private static Properties load(Path relative) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read(relative.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
