package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.hearingstate.localstack.TopicList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The department list is written in several files besides routing's directory (the one source): each copy
 * names exactly the directory's departments, so adding or removing one cannot be done in some places only.
 * The topic list, the ACL list and routing's actions binding are checked per department by
 * {@link KafkaTopicListTest} and {@link KafkaAclListTest}; here every copy is compared as a set.
 */
class DepartmentListTest {

    private static final Set<String> DIRECTORY = Set.copyOf(DepartmentDirectory.codes());
    /** The principals that are not departments: the four services, and ops' two (the nightly dump, dead letters). */
    private static final Set<String> OTHER_PRINCIPALS = Set.of("intake", "routing", "notification", "analytics", "backup",
            "dead-letters");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void givenTheDirectoryFile_thenItNamesTenDepartments() {
        assertThat(DIRECTORY).hasSize(10).contains("akim-office", "anti-corruption");
    }

    @Test
    void givenEveryCategoryOfTheDirectoryAndOfIntakesHints_thenTheOneTableNamesItInEachLanguage() {
        Set<String> categories = new java.util.TreeSet<>();
        JSON.readTree(Repository.read(DepartmentDirectory.PATH)).get("departments").valueStream()
                .forEach(department -> department.get("categories").valueStream().forEach(code -> categories.add(code.asString())));
        Matcher hints = Pattern.compile("code: ([a-z-]+),").matcher(Repository.read("intake-service/src/main/resources/categories.yml"));
        while (hints.find()) {
            categories.add(hints.group(1));
        }
        assertThat(categories).hasSizeGreaterThan(30);
        JsonNode names = JSON.readTree(Repository.read("appeal-web/src/main/resources/kz/hearingstate/web/category-names.json"));
        assertThat(categories).allSatisfy(code -> {
            assertThat(names.has(code)).as("%s in the table of category names", code).isTrue();
            assertThat(names.get(code).propertyNames()).as(code).containsExactlyInAnyOrder("kk", "ru", "en");
        });
    }

    @Test
    void givenTheLocalStacksTopicCatalog_thenItListsExactlyTheDirectorysDepartments() {
        String source = Repository.read("local-stack/src/main/java/kz/hearingstate/localstack/TopicCatalog.java");
        Matcher list = Pattern.compile("DEPARTMENT_CODES\\s*=\\s*List\\.of\\(([^)]*)\\)").matcher(source);
        assertThat(list.find()).as("TopicCatalog.DEPARTMENT_CODES = List.of(...)").isTrue();
        assertThat(quoted(list.group(1))).isEqualTo(DIRECTORY);
    }

    @Test
    void givenTheTopicList_thenItHasInboxesAndActionsTopicsOfExactlyTheDirectorysDepartments() {
        Set<String> names = TopicList.read(Repository.ROOT).byName().keySet();
        assertThat(departmentsOfTopics(names, ".inbox")).isEqualTo(DIRECTORY);
        assertThat(departmentsOfTopics(names, ".actions")).isEqualTo(DIRECTORY);
    }

    @Test
    void givenTheAclList_thenItsDepartmentPrincipalsAreExactlyTheDirectorysDepartments() {
        Set<String> principals = Repository.read("docker/kafka/acls.txt").lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0]).collect(Collectors.toSet());
        principals.removeAll(OTHER_PRINCIPALS);
        assertThat(principals).isEqualTo(DIRECTORY);
    }

    @Test
    void givenRoutingsActionsBinding_thenItReadsTheActionsOfExactlyTheDirectorysDepartments() {
        Set<String> read = ServiceBindings.consumers().stream()
                .filter(consumer -> consumer.binding().equals("applyDepartmentAction-in-0"))
                .map(ServiceBindings.Consumer::topic).collect(Collectors.toSet());
        assertThat(departmentsOfTopics(read, ".actions")).isEqualTo(DIRECTORY);
    }

    @Test
    void givenRoutingsLocalProfile_thenItHasADemoKeyForExactlyTheDirectorysDepartments() {
        Map<String, Object> local = Repository.yaml(Repository.read("routing-service/src/main/resources/application-local.yml"));
        assertThat(keysAt(JSON.valueToTree(local))).isEqualTo(DIRECTORY);
    }

    @Test
    void givenTheComposeEnvironmentExample_thenItHasAKeyAndAKafkaPasswordForExactlyTheDirectorysDepartments() {
        String example = Repository.read("docker/env/compose.env.example");
        String keys = example.lines().filter(line -> line.startsWith("ROUTING_DEPARTMENT_KEYS_JSON=")).findFirst()
                .orElseThrow().substring("ROUTING_DEPARTMENT_KEYS_JSON=".length());
        assertThat(keysAt(JSON.readTree(keys))).isEqualTo(DIRECTORY);
        assertThat(kafkaPasswordsOf(example, "^KAFKA_PASSWORD_([A-Z_]+)=")).isEqualTo(DIRECTORY);
    }

    @Test
    void givenDockerCompose_thenItPassesAKafkaPasswordOfExactlyTheDirectorysDepartments() {
        assertThat(kafkaPasswordsOf(Repository.read("docker-compose.yml"), "\\bKAFKA_PASSWORD_([A-Z_]+):")).isEqualTo(DIRECTORY);
    }

    @Test
    void givenTheKubernetesSecretExample_thenItHasAKeyForExactlyTheDirectorysDepartments() {
        Map<String, Object> secret = Repository.yaml(Repository.read("docs/k8s/secret.yaml.example"));
        @SuppressWarnings("unchecked")
        String keys = (String) ((Map<String, Object>) secret.get("stringData")).get("routing-department-keys-json");
        assertThat(keysAt(JSON.readTree(keys))).isEqualTo(DIRECTORY);
    }

    /** The departments under {@code hearing.web.security.keys.department}. */
    private static Set<String> keysAt(JsonNode root) {
        JsonNode departments = root.at("/hearing/web/security/keys/department");
        assertThat(departments.isObject()).as("hearing.web.security.keys.department").isTrue();
        return Set.copyOf(departments.propertyNames());
    }

    private static Set<String> departmentsOfTopics(Set<String> topics, String suffix) {
        return topics.stream().filter(name -> name.startsWith("departments.") && name.endsWith(suffix))
                .map(name -> name.substring("departments.".length(), name.length() - suffix.length()))
                .collect(Collectors.toSet());
    }

    /** {@code KAFKA_PASSWORD_HOUSING_UTILITIES} is housing-utilities' password; the services' are left out. */
    private static Set<String> kafkaPasswordsOf(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        Set<String> principals = new java.util.HashSet<>();
        while (matcher.find()) {
            principals.add(matcher.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        principals.removeAll(OTHER_PRINCIPALS);
        return principals;
    }

    private static Set<String> quoted(String text) {
        Matcher matcher = Pattern.compile("\"([^\"]+)\"").matcher(text);
        Set<String> values = new java.util.HashSet<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
