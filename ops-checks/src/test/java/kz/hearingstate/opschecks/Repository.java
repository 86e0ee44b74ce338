package kz.hearingstate.opschecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Files of the repository that the checks read: the build runs in ops-checks/, one level below. */
final class Repository {

    static final Path ROOT = findRoot();

    static Path file(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    static String read(String relativePath) {
        return read(file(relativePath));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file of the repository as a fresh clone has it: not what a build, an IDE, npm or the local stack
     * ({@code data/}) leaves behind.
     */
    static List<Path> sourceFiles() {
        Set<String> notSources = Set.of(".git", "target", "node_modules", ".idea", ".vscode");
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .map(ROOT::relativize)
                    .filter(path -> !path.startsWith("data"))
                    .filter(path -> Stream.iterate(path, p -> p != null, Path::getParent)
                            .noneMatch(p -> notSources.contains(p.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables an env file (compose's {@code --env-file}) sets: {@code NAME=value} lines, comments left out. */
    static Map<String, String> envFile(String relativePath) {
        Map<String, String> variables = new LinkedHashMap<>();
        read(relativePath).lines().filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                .forEach(line -> variables.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return variables;
    }

    /** Parses YAML (a single document) into maps and lists. */
    static Map<String, Object> yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(text);
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private Repository() {
    }
}
