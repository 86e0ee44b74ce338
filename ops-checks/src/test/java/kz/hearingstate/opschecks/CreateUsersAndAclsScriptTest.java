package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * docker/kafka/create-users-and-acls.sh against a real KRaft broker running the StandardAuthorizer, with the
 * same tool classes as the apache/kafka image. The broker's PLAINTEXT listener makes the test the super user
 * (User:ANONYMOUS); a short ACL list keeps the JVM starts few (KafkaAclListTest checks the full list).
 */
class CreateUsersAndAclsScriptTest {

    static final String SAMPLE_ACLS = """
            # principal   operation  resource  pattern   name
            education     READ       TOPIC     LITERAL   departments.education.inbox
            education     READ       GROUP     PREFIXED  education
            education     WRITE      TOPIC     LITERAL   departments.education.actions
            routing       WRITE      TOPIC     LITERAL   departments.education.inbox
            routing       WRITE      TOPIC     LITERAL   appeals.lifecycle
            """;

    static EmbeddedKafkaKraftBroker broker;

    @TempDir
    static Path temp;
    static Path kafkaBin;
    static Path aclsFile;

    @BeforeAll
    static void startBrokerAndTools() throws IOException {
        ExternalTool.require("bash");
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        broker.brokerProperty("allow.everyone.if.no.acl.found", "false");
        broker.brokerProperty("super.users", "User:ANONYMOUS");
        broker.afterPropertiesSet();
        kafkaBin = Files.createDirectories(temp.resolve("bin"));
        ExternalTool.javaScript(kafkaBin, "kafka-configs.sh", "kafka.admin.ConfigCommand");
        ExternalTool.javaScript(kafkaBin, "kafka-acls.sh", "org.apache.kafka.tools.AclCommand");
        aclsFile = Files.writeString(temp.resolve("acls.txt"), SAMPLE_ACLS);
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void givenAPrincipalWithoutPassword_whenTheScriptRuns_thenItChangesNothingAndNamesTheVariable() throws Exception {
        try (AdminClient admin = admin()) {
            Collection<AclBinding> before = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);

            ExternalTool.Result result = run(Map.of("KAFKA_PASSWORD_EDUCATION", "education-password-1234"));

            assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
            assertThat(result.output()).contains("KAFKA_PASSWORD_ROUTING").doesNotContain("acl ");
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(before);
        }
    }

    @Test
    void givenEveryPassword_whenTheScriptRunsTwice_thenEachPrincipalHasAScramUserAndExactlyItsAcls() throws Exception {
        Map<String, String> passwords = Map.of("KAFKA_PASSWORD_EDUCATION", "education-password-1234",
                "KAFKA_PASSWORD_ROUTING", "routing_password_5678");

        ExternalTool.Result first = run(passwords);
        ExternalTool.Result second = run(passwords);

        assertThat(first.succeeded()).as(first.output()).isTrue();
        assertThat(second.succeeded()).as(second.output()).isTrue();
        assertThat(second.output()).contains("Users and ACLs of 2 principals in place; no other grant.");
        try (AdminClient admin = admin()) {
            Map<String, UserScramCredentialsDescription> users =
                    admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS);
            assertThat(users).containsOnlyKeys("education", "routing");
            Collection<AclBinding> acls = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
            assertThat(acls).hasSize(5);
            assertThat(acls).anySatisfy(acl -> {
                assertThat(acl.entry().principal()).isEqualTo("User:education");
                assertThat(acl.entry().operation()).isEqualTo(AclOperation.READ);
                assertThat(acl.pattern().resourceType()).isEqualTo(ResourceType.GROUP);
                assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                assertThat(acl.pattern().name()).isEqualTo("education");
            });
        }
    }

    @Test
    void givenAPlaceholderPasswordOfTheExampleFile_whenTheScriptRuns_thenItChangesNothingAndSaysSo() throws Exception {
        try (AdminClient admin = admin()) {
            Collection<AclBinding> before = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);

            ExternalTool.Result result = run(Map.of("KAFKA_PASSWORD_EDUCATION", "CHANGE-ME-kafka-education",
                    "KAFKA_PASSWORD_ROUTING", "routing_password_5678"));

            assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
            assertThat(result.output()).contains("KAFKA_PASSWORD_EDUCATION still holds the example's placeholder")
                    .doesNotContain("user ", "acl ");
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(before);
        }
    }

    @Test
    void givenTheAdminsPlaceholderOrAShortPassword_whenItsClientFileIsWritten_thenItIsRefused() throws IOException {
        // admin-client-config.sh serves the brokers' health check and kafka-init: refused, the broker is never healthy,
        // and neither kafka-init nor any service (all waiting for it) starts.
        for (String refused : List.of("CHANGE-ME-kafka-admin", "change-me-but-long-enough", "ChangeMeWithoutAHyphen42", "short-password")) {
            Path file = temp.resolve("refused.properties");
            ExternalTool.Result result = ExternalTool.run(Map.of("HEARING_KAFKA_ADMIN_PASSWORD", refused),
                    List.of("bash", "docker/kafka/admin-client-config.sh", file.toString()));
            assertThat(result.exitCode()).as(refused + ": " + result.output()).isEqualTo(2);
            assertThat(result.output()).contains("set a password of your own");
            assertThat(file).doesNotExist();
        }
        Path file = temp.resolve("admin.properties");
        ExternalTool.Result accepted = ExternalTool.run(Map.of("HEARING_KAFKA_ADMIN_PASSWORD", "a-real-admin-password-42"),
                List.of("bash", "docker/kafka/admin-client-config.sh", file.toString()));
        assertThat(accepted.succeeded()).as(accepted.output()).isTrue();
        assertThat(Files.readString(file)).contains("username=\"admin\" password=\"a-real-admin-password-42\"");
    }

    @Test
    void givenGrantsTheFileDoesNotList_whenTheScriptRuns_thenTheyAreRemovedAndDenialsKept(@TempDir Path shorter) throws Exception {
        Map<String, String> passwords = Map.of("KAFKA_PASSWORD_EDUCATION", "education-password-1234",
                "KAFKA_PASSWORD_ROUTING", "routing_password_5678");
        assertThat(run(passwords).succeeded()).isTrue();
        AclBinding secondReader = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "departments.anti-corruption.inbox",
                PatternType.LITERAL), new AccessControlEntry("User:education", "*", AclOperation.READ, AclPermissionType.ALLOW));
        AclBinding fromOneHost = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "departments.education.inbox",
                PatternType.LITERAL), new AccessControlEntry("User:education", "10.0.0.7", AclOperation.READ, AclPermissionType.ALLOW));
        AclBinding oddlyNamedGroup = new AclBinding(new ResourcePattern(ResourceType.GROUP, "desk, by hand", PatternType.LITERAL),
                new AccessControlEntry("User:education", "*", AclOperation.READ, AclPermissionType.ALLOW));
        AclBinding clusterWide = new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                new AccessControlEntry("User:routing", "*", AclOperation.ALTER, AclPermissionType.ALLOW));
        AclBinding denial = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "departments.education.actions",
                PatternType.LITERAL), new AccessControlEntry("User:education", "*", AclOperation.WRITE, AclPermissionType.DENY));
        try (AdminClient admin = admin()) {
            admin.createAcls(List.of(secondReader, fromOneHost, oddlyNamedGroup, clusterWide, denial)).all().get(30, TimeUnit.SECONDS);
            try {
                ExternalTool.Result cleaned = run(passwords);

                assertThat(cleaned.succeeded()).as(cleaned.output()).isTrue();
                assertThat(cleaned.output()).contains("removed  User:education READ TOPIC LITERAL departments.anti-corruption.inbox",
                        "removed  User:routing ALTER CLUSTER LITERAL kafka-cluster",
                        "removed  User:education READ GROUP LITERAL desk, by hand");
                assertThat(acls(admin)).hasSize(6).contains(denial).doesNotContain(secondReader, fromOneHost, oddlyNamedGroup, clusterWide);

                // A line taken out of the file: its grant ends at the next run.
                Path withoutRoutingsLifecycle = Files.writeString(shorter.resolve("acls.txt"),
                        SAMPLE_ACLS.replace("routing       WRITE      TOPIC     LITERAL   appeals.lifecycle\n", ""));
                ExternalTool.Result shortened = run(passwords, withoutRoutingsLifecycle);

                assertThat(shortened.succeeded()).as(shortened.output()).isTrue();
                assertThat(acls(admin)).hasSize(5).noneSatisfy(acl -> assertThat(acl.pattern().name()).isEqualTo("appeals.lifecycle"));
            } finally {
                admin.deleteAcls(List.of(denial.toFilter())).all().get(30, TimeUnit.SECONDS);
                assertThat(run(passwords).succeeded()).isTrue();
            }
        }
    }

    private static Collection<AclBinding> acls(AdminClient admin) throws Exception {
        return admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
    }

    private static ExternalTool.Result run(Map<String, String> passwords) {
        return run(passwords, aclsFile);
    }

    private static ExternalTool.Result run(Map<String, String> passwords, Path acls) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "ACLS_FILE", acls.toString(),
                "KAFKA_BIN", kafkaBin.toString()));
        environment.putAll(passwords);
        return ExternalTool.run(environment, List.of("bash", "docker/kafka/create-users-and-acls.sh"));
    }
}
