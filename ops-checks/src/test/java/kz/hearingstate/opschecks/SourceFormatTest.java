package kz.hearingstate.opschecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout rules of .editorconfig, held for every text file a fresh clone has: UTF-8, LF line ends, a final
 * newline, no tab and no trailing blank; Java files import by name, never with a wildcard. Checked here so that
 * a change that breaks them fails the build whatever editor wrote it.
 */
class SourceFormatTest {

    private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "xml", "yml", "yaml", "json", "jsonl", "md",
            "properties", "sh", "mjs", "js", "html", "css", "txt", "conf", "sql");
    private static final Set<String> TEXT_FILE_NAMES = Set.of("Dockerfile", "run", ".gitignore", ".editorconfig");
    /** Kept byte for byte as their makers wrote them: Kafka tools' captured output, which the parsers are tested on. */
    private static final Path VERBATIM = Path.of("performance-tests/src/test/resources/tool-output");
    private static final Pattern WILDCARD_IMPORT = Pattern.compile("^import (static )?[\\w.]+\\.\\*;$");

    @Test
    void givenEveryTextFile_whenRead_thenItIsUtf8WithLfEndsAFinalNewlineAndNoTabsOrTrailingBlanks() {
        List<String> violations = new ArrayList<>();
        List<Path> textFiles = textFiles();
        for (Path file : textFiles) {
            violations.addAll(layoutViolations(file, bytes(file)));
        }

        assertThat(textFiles).as("text files found under %s", Repository.ROOT).hasSizeGreaterThan(500);
        assertThat(violations).as("files that break .editorconfig").isEmpty();
    }

    @Test
    void givenEveryJavaFile_whenItsImportsAreRead_thenNoneIsAWildcard() {
        List<String> violations = new ArrayList<>();
        for (Path file : textFiles()) {
            if (file.toString().endsWith(".java")) {
                List<String> lines = new String(bytes(file), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (WILDCARD_IMPORT.matcher(lines.get(i)).matches()) {
                        violations.add(file + ":" + (i + 1) + " imports with a wildcard: " + lines.get(i));
                    }
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void givenAFileBreakingEachRule_whenChecked_thenEachBreachIsNamedWithItsLine() {
        byte[] broken = "ok\r\n\tindented\ntrailing \n".getBytes(StandardCharsets.UTF_8);
        byte[] noFinalNewline = "last line".getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {'a', (byte) 0xC3, '\n'};

        assertThat(layoutViolations(Path.of("Broken.java"), broken)).containsExactly(
                "Broken.java:1 ends with CR LF", "Broken.java:2 has a tab", "Broken.java:3 ends with a blank");
        assertThat(layoutViolations(Path.of("a.md"), noFinalNewline)).containsExactly("a.md has no final newline");
        assertThat(layoutViolations(Path.of("b.yml"), notUtf8)).containsExactly("b.yml is not UTF-8");
        assertThat(layoutViolations(Path.of("c.sh"), "fine\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    static List<String> layoutViolations(Path file, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return List.of(file + " is not UTF-8");
        }
        List<String> violations = new ArrayList<>();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            violations.add(file + " has no final newline");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = file + ":" + (i + 1);
            if (line.endsWith("\r")) {
                violations.add(where + " ends with CR LF");
                line = line.substring(0, line.length() - 1);
            }
            if (line.indexOf('\t') >= 0) {
                violations.add(where + " has a tab");
            }
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                violations.add(where + " ends with a blank");
            }
        }
        return violations;
    }

    private static List<Path> textFiles() {
        return Repository.sourceFiles().stream().filter(SourceFormatTest::isText)
                .filter(file -> !file.startsWith(VERBATIM)).toList();
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return TEXT_FILE_NAMES.contains(name) || dot > 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static byte[] bytes(Path relative) {
        try {
            return Files.readAllBytes(Repository.ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
