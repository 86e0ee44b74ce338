package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.hearingstate.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * docker/kafka/acls.txt (read by the local stack and by the compose init job) against what the services
 * consume and the department directory: least privilege, and nothing a service needs is missing.
 */
class KafkaAclListTest {

    record Acl(String principal, String operation, String resource, String pattern, String name) {
    }

    static final List<Acl> ACLS = Repository.read("docker/kafka/acls.txt").lines().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.split("\\s+"))
            .map(f -> new Acl(f[0], f[1], f[2], f[3], f[4])).toList();

    @Test
    void givenEveryConsumerBinding_thenItsServiceMayReadTheTopicInItsOwnGroup_andCreateAndWriteItsDeadLetterTopic() {
        for (ServiceBindings.Consumer consumer : ServiceBindings.consumers()) {
            String principal = consumer.group();
            assertThat(ACLS).as(consumer.toString()).contains(
                    new Acl(principal, "READ", "TOPIC", "LITERAL", consumer.topic()),
                    new Acl(principal, "READ", "GROUP", "LITERAL", consumer.group()),
                    new Acl(principal, "CREATE", "TOPIC", "LITERAL", Topics.deadLetter(consumer.topic(), consumer.group())),
                    new Acl(principal, "WRITE", "TOPIC", "LITERAL", Topics.deadLetter(consumer.topic(), consumer.group())));
        }
    }

    @Test
    void givenTheServices_thenEachReadsOnlyWhatItsBindingsConsume() {
        Set<Acl> expectedReads = ServiceBindings.consumers().stream()
                .map(consumer -> new Acl(consumer.group(), "READ", "TOPIC", "LITERAL", consumer.topic()))
                .collect(Collectors.toSet());
        Set<String> services = Set.of("intake", "routing", "notification", "analytics");
        assertThat(ACLS.stream().filter(acl -> services.contains(acl.principal()))
                .filter(acl -> acl.operation().equals("READ") && acl.resource().equals("TOPIC")))
                .containsExactlyInAnyOrderElementsOf(expectedReads);
    }

    @Test
    void givenTheWriters_thenOnlyIntakeWritesSubmissionsAndFeedback_andOnlyRoutingWritesInboxesLifecycleAndDirectory() {
        Map<String, Set<String>> writers = ACLS.stream().filter(acl -> acl.operation().equals("WRITE"))
                .collect(Collectors.groupingBy(Acl::name, Collectors.mapping(Acl::principal, Collectors.toSet())));
        assertThat(writers.get(Topics.APPEALS_SUBMITTED)).containsExactly("intake");
        assertThat(writers.get(Topics.APPEALS_FEEDBACK)).containsExactly("intake");
        assertThat(writers.get(Topics.APPEALS_LIFECYCLE)).containsExactly("routing");
        assertThat(writers.get(Topics.DEPARTMENTS_DIRECTORY)).containsExactly("routing");
        assertThat(writers.get(Topics.NOTIFICATIONS_OUTCOMES)).containsExactly("notification");
        assertThat(writers.get(Topics.INCIDENTS_DETECTED)).containsExactly("analytics");
        assertThat(ACLS).as("no wildcard, no cluster-wide grant, no DENY needed")
                .allSatisfy(acl -> {
                    assertThat(acl.name()).doesNotContain("*");
                    assertThat(acl.resource()).isIn("TOPIC", "GROUP");
                });
    }

    @Test
    void givenTheOpsPrincipals_thenBackupReadsTheEventTopicsAndDeadLettersEveryDeadLetterTopic_andNeitherAnythingElse() {
        Set<String> deadLetterTopics = Repository.read("docker/kafka/topics.txt").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\\s+")[0])
                .filter(topic -> topic.endsWith(".dlq")).collect(Collectors.toSet());
        assertThat(deadLetterTopics).hasSize(ServiceBindings.consumers().size());

        assertThat(ACLS.stream().filter(acl -> acl.principal().equals("backup"))).containsExactlyInAnyOrderElementsOf(
                Stream.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE, Topics.APPEALS_FEEDBACK, Topics.DEPARTMENTS_DIRECTORY,
                                Topics.NOTIFICATIONS_OUTCOMES, Topics.INCIDENTS_DETECTED)
                        .map(topic -> new Acl("backup", "READ", "TOPIC", "LITERAL", topic)).toList());
        assertThat(ACLS.stream().filter(acl -> acl.principal().equals("dead-letters"))).containsExactlyInAnyOrderElementsOf(
                deadLetterTopics.stream().map(topic -> new Acl("dead-letters", "READ", "TOPIC", "LITERAL", topic)).toList());
        assertThat(ACLS.stream().filter(acl -> acl.name().endsWith(".dlq") && acl.operation().equals("READ")).map(Acl::principal))
                .as("readers of dead letters").containsOnly("dead-letters");
    }

    @Test
    void givenEveryDepartmentOfTheDirectory_thenItReadsItsOwnInboxInGroupsPrefixedByItsCode_writesItsOwnActions_andNothingElse() {
        List<String> codes = DepartmentDirectory.codes();
        assertThat(codes).hasSize(10);
        for (String code : codes) {
            assertThat(ACLS.stream().filter(acl -> acl.principal().equals(code))).as(code).containsExactlyInAnyOrder(
                    new Acl(code, "READ", "TOPIC", "LITERAL", Topics.departmentInbox(code)),
                    new Acl(code, "READ", "GROUP", "PREFIXED", code),
                    new Acl(code, "WRITE", "TOPIC", "LITERAL", Topics.departmentActions(code)));
            assertThat(ACLS.stream().filter(acl -> acl.name().equals(Topics.departmentInbox(code)) && acl.operation().equals("READ"))
                    .map(Acl::principal)).as("readers of %s", Topics.departmentInbox(code)).containsExactly(code);
        }
        Set<String> groupPrefixes = new HashSet<>(codes);
        for (String code : codes) {
            assertThat(groupPrefixes.stream().filter(other -> !other.equals(code) && other.startsWith(code)))
                    .as("a department's group prefix that covers another's").isEmpty();
        }
    }
}
