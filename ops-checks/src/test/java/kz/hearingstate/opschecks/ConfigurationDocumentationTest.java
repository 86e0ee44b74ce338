package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every environment variable a service reads in its configuration ({@code ${VAR:default}} in its
 * application*.yml) is explained where an operator looks: the README's Configuration table or the service's
 * own README.
 */
class ConfigurationDocumentationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    @Test
    void givenEveryVariableAServiceReads_thenTheReadmeOrTheServicesReadmeNamesIt() {
        String readme = Repository.read("README.md");
        List<String> undocumented = new ArrayList<>();
        for (String service : ServiceBindings.SERVICES) {
            String serviceReadme = Repository.read(service + "/README.md");
            for (Path yml : applicationFiles(service)) {
                Matcher variable = VARIABLE.matcher(Repository.read(yml));
                while (variable.find()) {
                    Pattern named = Pattern.compile("\\b" + variable.group(1) + "\\b");
                    if (!named.matcher(readme).find() && !named.matcher(serviceReadme).find()) {
                        undocumented.add(Repository.ROOT.relativize(yml) + ": " + variable.group(1));
                    }
                }
            }
        }
        assertThat(undocumented).as("variables named neither in README.md nor in the service's README").isEmpty();
    }

    private static List<Path> applicationFiles(String service) {
        try (Stream<Path> files = Files.list(Repository.file(service + "/src/main/resources"))) {
            List<Path> yml = files.filter(file -> file.getFileName().toString().matches("application.*\\.ya?ml")).sorted()
                    .toList();
            assertThat(yml).as(service + "'s application.yml").isNotEmpty();
            return yml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
