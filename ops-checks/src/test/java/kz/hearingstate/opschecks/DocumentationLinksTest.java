package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README, docs/ and the modules' READMEs are the map of the repository: a reviewer must be able to open
 * every file, directory and class they name. Checked outside fenced code blocks (commands there name files
 * that exist only at run time):
 * <ul>
 * <li>every relative link, image and link definition opens a file or directory of the repository, and its
 * {@code #anchor}, when it points into a Markdown file, is one of that file's headings (GitHub's slugs);</li>
 * <li>every code span that is a repository path exists: one that starts with a top-level directory
 * ({@code docker/kafka/acls.txt}, {@code .ci/run}) from the root or the document's directory; any other with
 * a {@code /} and a file extension or a trailing {@code /} ({@code departments/zhambyl-v1.json},
 * {@code config/}) also as the end of a path in the tree; a bare file name ({@code run.sh},
 * {@code application-local.yml}) somewhere in the tree; {@code identity/CitizenSecrets} as a .java file;</li>
 * <li>every word of the text outside code spans and links that starts with a top-level directory and a
 * {@code /} exists;</li>
 * <li>every code span that is a CamelCase name of two or more words, alone or as {@code Name.member},
 * {@code Name.member(...)} or {@code Name.prefix…} (a one-word name only with a member, as in
 * {@code Hashing.sha256Hex}), is a class, record, interface or enum declared in the source tree (or a
 * Prometheus alert of docker/prometheus/rules), and the member is written in that declaration's file; the few
 * names of other projects the documents use are listed, each with its origin.</li>
 * </ul>
 * Code spans with placeholders ({@code <code>}, {@code {md,json}}, {@code *}, {@code ...}) are not checked,
 * and neither are paths the build or the local stack makes ({@code target/}, {@code data/}).
 */
class DocumentationLinksTest {

    /** Names the documents use that are not the project's: each with where it comes from. */
    private static final Map<String, String> FOREIGN_NAMES = foreignNames();

    /** File names the documents mention that are not the repository's: each with where it is. */
    private static final Map<String, String> FOREIGN_FILES = Map.of(
            "admin.properties", "the Kafka super user's client file, made on an ops host (security.md)",
            "connect-mirror-maker.sh", "Kafka's distribution, in the apache/kafka image",
            "kafka-features.sh", "Kafka's distribution, in the apache/kafka image",
            "docker-compose.override.yml", "the operator's own, beside the compose file: the TLS proxy (deployment.md)");

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".idea", ".vscode");
    private static final Set<String> GENERATED_ROOTS = Set.of("data"); // the local stack's data, git-ignored

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("<?[A-Za-z][A-Za-z0-9+.-]*://\\S+");
    private static final Pattern PROSE_PATH = Pattern.compile("(?<![\\w/.:-])([\\w.][\\w.-]*/[\\w./-]*)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern FILE_NAME = Pattern.compile(
            "[\\w][\\w.-]*\\.(md|sh|cmd|yml|yaml|json|jsonl|xml|properties|txt|java|js|mjs|css|html|csv|conf|env|example|png|svg)");
    private static final Pattern EXTENSION = Pattern.compile(".*\\.[A-Za-z][A-Za-z0-9]{0,9}");
    private static final Pattern JAVA_PATH = Pattern.compile("[a-z][\\w/]*/[A-Z]\\w*");
    private static final Pattern CLASS_REFERENCE = Pattern.compile(
            "([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z][a-z0-9]+(?=\\.))(?:<[^<>]*>)?((?:\\.[A-Za-z_]\\w*)*)(\\(.*\\))?(…|\\.\\.\\.)?");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");

    private static final Tree TREE = Tree.walk();

    @Test
    void givenEveryDocument_thenEveryRelativeLinkOpensAFileOrHeadingOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            forEachProseLine(document, (number, line) -> {
                String prose = CODE_SPAN.matcher(line).replaceAll("");
                for (Pattern pattern : List.of(INLINE_LINK, LINK_DEFINITION, HTML_LINK)) {
                    Matcher link = pattern.matcher(prose);
                    while (link.find()) {
                        String problem = linkProblem(document, link.group(1));
                        if (problem != null) {
                            broken.add(where(document, number) + " link " + link.group(1) + ": " + problem);
                        }
                    }
                }
            });
        }
        assertNoneBroken(broken);
    }

    @Test
    void givenEveryDocument_thenEveryPathInACodeSpanExists() {
        assertNoneBroken(brokenCodeSpans(DocumentationLinksTest::pathProblem));
    }

    /** Outside code spans and links, only words that start with a top-level directory count as paths. */
    @Test
    void givenEveryDocument_thenEveryRepositoryPathInItsTextExists() {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            forEachProseLine(document, (number, line) -> {
                String text = URL.matcher(INLINE_LINK.matcher(CODE_SPAN.matcher(line).replaceAll(" ")).replaceAll("]"))
                        .replaceAll(" ");
                Matcher word = PROSE_PATH.matcher(text);
                while (word.find()) {
                    String path = word.group(1).replaceAll("[.]+$", "");
                    if (TREE.topLevel.contains(path.substring(0, path.indexOf('/')))) {
                        String problem = pathProblem(document, path);
                        if (problem != null) {
                            broken.add(where(document, number) + " " + path + ": " + problem);
                        }
                    }
                }
            });
        }
        assertNoneBroken(broken);
    }

    @Test
    void givenEveryDocument_thenEveryClassInACodeSpanIsDeclaredInTheSourceTree() {
        assertNoneBroken(brokenCodeSpans((document, span) -> classProblem(span)));
    }

    /** The design notes the project started from live outside the repository; nothing here may send a reader there. */
    @Test
    void givenEveryFileOfTheRepository_thenNoneReferencesTheDesignNotesOutsideIt() {
        List<String> outside = List.of("../" + "shared", "/work/" + "shared", "ARCHITECTURE" + ".md");
        List<String> broken = new ArrayList<>();
        for (String file : TREE.files) {
            String text = TREE.text(file);
            if (text == null) {
                continue;
            }
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                for (String reference : outside) {
                    if (lines.get(i).contains(reference)) {
                        broken.add(file + ":" + (i + 1) + " names " + reference);
                    }
                }
            }
        }
        assertNoneBroken(broken);
    }

    @Test
    void givenTheDocumentsAndTheSourceTree_whenRead_thenEveryDocumentAndTheSharedModulesClassesAreFound() {
        assertThat(documents()).extracting(DocumentationLinksTest::relative).contains("README.md",
                "docs/architecture.md", "docs/CONVENTIONS.md", "docs/benchmarks/README.md", "routing-service/README.md");
        assertThat(TREE.declarations).containsKeys("KafkaAccessControl", "VersionedDocuments", "IndexCreator", "ServiceDown");
    }

    @Test
    void givenReferencesThatExistAndOnesThatDoNot_whenChecked_thenOnlyTheMissingOnesAreReported() {
        Path readme = Repository.file("README.md");
        Path routingReadme = Repository.file("routing-service/README.md");
        assertThat(classProblem("IndexCreator")).isNull();
        assertThat(classProblem("IndexCreater")).isNotNull();
        assertThat(classProblem("Hashing.sha256Hex(value)")).isNull();
        assertThat(classProblem("Hashing.md5Hex(value)")).isNotNull();
        assertThat(classProblem("Topics")).as("one word alone is too often not a class").isNull();
        assertThat(classProblem("VersionedDocuments.replaceIfNewer")).isNull();
        assertThat(classProblem("VersionedDocuments.replaceIfOlder")).isNotNull();
        assertThat(classProblem("KafkaAccessControlIntegrationTest.givenNoCredentials…")).isNull();
        assertThat(classProblem("KafkaAccessControlIntegrationTest.givenNoKey…")).isNotNull();
        assertThat(pathProblem(readme, "docker/kafka/acls.txt")).isNull();
        assertThat(pathProblem(readme, "docker/kafka/acl.txt")).isNotNull();
        assertThat(pathProblem(routingReadme, "src/main/resources/departments/zhambyl-v1.json")).isNull();
        assertThat(pathProblem(readme, "departments/zhambyl-v1.json")).isNull();
        assertThat(pathProblem(readme, "departments/zhambyl-v2.json")).isNotNull();
        assertThat(pathProblem(readme, "identity/CitizenSecrets")).isNull();
        assertThat(pathProblem(readme, "identity/CitizenSecret")).isNotNull();
        assertThat(pathProblem(readme, "run.sh")).isNull();
        assertThat(pathProblem(Repository.file("docs/architecture.md"), "./run.sh")).isNull();
        assertThat(pathProblem(readme, "walk.sh")).isNotNull();
        assertThat(pathProblem(readme, "data/kafka-clients/")).as("made by the local stack").isNull();
        assertThat(linkProblem(readme, "docs/security.md#the-citizens-secret")).isNull();
        assertThat(linkProblem(readme, "docs/security.md#no-such-heading")).isNotNull();
        assertThat(linkProblem(readme, "../elsewhere/notes.md")).isNotNull();
    }

    // --- links

    private static String linkProblem(Path document, String target) {
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return null;
        }
        int hash = target.indexOf('#');
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        String path = hash < 0 ? target : target.substring(0, hash);
        path = URLDecoder.decode(path.replaceFirst("\\?.*", ""), StandardCharsets.UTF_8);
        Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!file.startsWith(Repository.ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor != null && !anchor.isEmpty() && file.toString().endsWith(".md") && !anchors(file).contains(anchor)) {
            return "no heading #" + anchor + " in " + relative(file);
        }
        return null;
    }

    /** GitHub's heading ids: lower case, letters, digits, '-' and '_' kept, spaces to '-', repeats numbered. */
    private static Set<String> anchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        forEachProseLine(markdown, (number, line) -> {
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        });
        return anchors;
    }

    private static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    // --- paths

    private static String pathProblem(Path document, String span) {
        if (span.isBlank() || span.chars().anyMatch(c -> " <>{}*$=:?|\\'\"…".indexOf(c) >= 0) || span.contains("...")
                || span.startsWith("/") || span.startsWith("-") || span.startsWith("~")) {
            return null;
        }
        if (!span.contains("/")) {
            boolean fileName = FILE_NAME.matcher(span).matches();
            return !fileName || FOREIGN_FILES.containsKey(span) || TREE.fileNames.contains(span) ? null : "no file of that name";
        }
        String first = span.substring(0, span.indexOf('/'));
        if (GENERATED_ROOTS.contains(first) || Set.of(span.split("/")).contains("target")) {
            return null;
        }
        String path = span.endsWith("/") ? span.substring(0, span.length() - 1) : span;
        boolean exists = TREE.contains(relative(Repository.ROOT.resolve(path).normalize()))
                || TREE.contains(relative(document.getParent().resolve(path).normalize()));
        if (TREE.topLevel.contains(first)) {
            return exists ? null : "no such path";
        }
        if (span.endsWith("/") || EXTENSION.matcher(span).matches()) {
            return exists || TREE.endsWith("/" + path) ? null : "no such path, nor one ending so";
        }
        if (JAVA_PATH.matcher(span).matches()) {
            return TREE.endsWith("/" + span + ".java") ? null : "no " + span + ".java";
        }
        return null;
    }

    // --- classes

    private static String classProblem(String span) {
        Matcher reference = CLASS_REFERENCE.matcher(span);
        if (!reference.matches()) {
            return null;
        }
        String name = reference.group(1);
        if (FOREIGN_NAMES.containsKey(name)) {
            return null;
        }
        List<String> files = TREE.declarations.get(name);
        if (files == null) {
            return "no class, record, interface, enum or alert " + name + " in the repository";
        }
        String members = reference.group(2);
        if (members.isEmpty()) {
            return null;
        }
        String member = members.substring(1).split("\\.")[0];
        boolean prefix = reference.group(4) != null && members.indexOf('.', 1) < 0;
        Pattern word = Pattern.compile("\\b" + Pattern.quote(member) + (prefix ? "" : "\\b"));
        return files.stream().anyMatch(file -> word.matcher(TREE.text(file)).find())
                ? null : name + " (" + String.join(", ", files) + ") has no " + member;
    }

    private static Map<String, String> foreignNames() {
        Map<String, String> names = new HashMap<>();
        for (String name : List.of("ApplicationReadyEvent", "SmartInitializingSingleton", "SmartLifecycle",
                "EnvironmentPostProcessor", "SecurityFilterChain", "UserDetailsService", "AuthenticationProvider",
                "FunctionInvocationHelper", "StreamBridge", "DeadLetterPublishingRecoverer", "BatchListenerFailedException",
                "KafkaHeaders", "JarLauncher", "Ordered")) {
            names.put(name, "Spring Framework, Boot, Security, Cloud Stream or Kafka");
        }
        for (String name : List.of("StandardAuthorizer", "StringSerializer", "ProducerPerformance",
                "ConsumerPerformance", "EndToEndLatency", "EndToEndTest")) {
            names.put(name, "Apache Kafka: the broker, the clients, kafka-tools and its own tests");
        }
        names.put("JsonMapper", "Jackson 3");
        names.put("KeyValue", "mongo-java-server's H2 backend");
        names.put("StreamProvider", "Jakarta Mail");
        names.put("NoClassDefFoundError", "the JDK");
        for (String name : List.of("KafkaUser", "KafkaTopic", "PodMonitor", "PrometheusRule")) {
            names.put(name, "Kubernetes resource kinds of Strimzi and the Prometheus Operator");
        }
        names.put("HttpOnly", "a cookie attribute");
        return names;
    }

    // --- documents

    private static List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        documents.add(Repository.file("README.md"));
        try (Stream<Path> docs = Files.walk(Repository.file("docs"));
             Stream<Path> modules = Files.list(Repository.ROOT)) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents.stream().distinct().toList();
    }

    private interface LineConsumer {
        void accept(int number, String line);
    }

    private static void forEachProseLine(Path document, LineConsumer consumer) {
        List<String> lines = TREE.text(relative(document)).lines().toList();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (FENCE.matcher(lines.get(i)).find()) {
                fenced = !fenced;
            } else if (!fenced) {
                consumer.accept(i + 1, lines.get(i));
            }
        }
    }

    /** Every code span of every document that {@code check} finds a problem with, as file:line, span and problem. */
    private static List<String> brokenCodeSpans(BiFunction<Path, String, String> check) {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            forEachProseLine(document, (number, line) -> {
                Matcher span = CODE_SPAN.matcher(line);
                while (span.find()) {
                    String problem = check.apply(document, span.group(2).strip());
                    if (problem != null) {
                        broken.add(where(document, number) + " `" + span.group(2).strip() + "`: " + problem);
                    }
                }
            });
        }
        return broken;
    }

    private static String where(Path document, int line) {
        return relative(document) + ":" + line;
    }

    private static String relative(Path path) {
        return Repository.ROOT.relativize(path).toString().replace('\\', '/');
    }

    private static void assertNoneBroken(List<String> broken) {
        assertThat(broken).withFailMessage(() -> broken.size() + " broken reference(s):\n  " + String.join("\n  ", broken))
                .isEmpty();
    }

    /** The repository's files as a reviewer sees them: without build output, the local stack's data and .git. */
    private static final class Tree {

        final List<String> files = new ArrayList<>();
        final Set<String> paths = new HashSet<>();
        final Set<String> fileNames = new HashSet<>();
        final Set<String> topLevel = new TreeSet<>();
        final Map<String, List<String>> declarations = new HashMap<>();
        private final Map<String, String> texts = new HashMap<>();

        static Tree walk() {
            Tree tree = new Tree();
            try {
                Files.walkFileTree(Repository.ROOT, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        String name = dir.getFileName().toString();
                        if (!dir.equals(Repository.ROOT) && (SKIPPED_DIRECTORIES.contains(name)
                                || dir.getParent().equals(Repository.ROOT) && GENERATED_ROOTS.contains(name))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!dir.equals(Repository.ROOT)) {
                            tree.paths.add(relative(dir));
                            if (dir.getParent().equals(Repository.ROOT)) {
                                tree.topLevel.add(name);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (!SKIPPED_DIRECTORIES.contains(file.getFileName().toString())) {
                            String path = relative(file);
                            tree.files.add(path);
                            tree.paths.add(path);
                            tree.fileNames.add(file.getFileName().toString());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                // Prometheus alert names are CamelCase too; the documents name them as code.
                for (Path rules : PrometheusTest.ruleFiles()) {
                    for (String alert : PrometheusTest.alertNames(rules)) {
                        tree.declarations.computeIfAbsent(alert, name -> new ArrayList<>()).add(relative(rules));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String file : tree.files) {
                if (file.endsWith(".java")) {
                    Matcher declaration = DECLARATION.matcher(tree.text(file));
                    while (declaration.find()) {
                        tree.declarations.computeIfAbsent(declaration.group(1), name -> new ArrayList<>()).add(file);
                    }
                }
            }
            return tree;
        }

        boolean contains(String path) {
            return paths.contains(path);
        }

        boolean endsWith(String suffix) {
            return paths.stream().anyMatch(path -> path.endsWith(suffix));
        }

        /** The file's text, or null for a binary file. */
        String text(String file) {
            return texts.computeIfAbsent(file, path -> {
                try {
                    byte[] bytes = Files.readAllBytes(Repository.file(path));
                    for (byte b : bytes) {
                        if (b == 0) {
                            return null;
                        }
                    }
                    return new String(bytes, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
