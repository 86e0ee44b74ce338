package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kz.hearingstate.events.Topics;
import kz.hearingstate.localstack.TopicList;
import org.junit.jupiter.api.Test;

/** docker/kafka/topics.txt against the event contract and what the services consume. */
class KafkaTopicListTest {

    final Map<String, TopicList.Topic> listed = TopicList.read(Repository.ROOT).byName();

    @Test
    void givenEveryTopicNamedInTheEventContract_thenTheInitStepCreatesIt() throws IllegalAccessException {
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(listed).as(field.getName()).containsKey((String) field.get(null));
            }
        }
    }

    @Test
    void givenTheAppealEventLog_thenEachTopicHasSixPartitionsAndIsKeptForReplay() {
        for (String topic : List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE, Topics.APPEALS_FEEDBACK,
                Topics.NOTIFICATIONS_OUTCOMES)) {
            assertThat(listed.get(topic).partitions()).as(topic).isEqualTo(6);
            assertThat(listed.get(topic).configs()).as(topic).containsEntry("retention.ms", "-1");
        }
    }

    @Test
    void givenTheDepartmentDirectory_thenItsTopicIsCompacted() {
        assertThat(listed.get(Topics.DEPARTMENTS_DIRECTORY).configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void givenEveryDepartmentOfRoutingsDirectory_thenItsInboxAndItsActionsTopicHaveThreePartitions() {
        List<String> codes = DepartmentDirectory.codes();
        assertThat(codes).hasSize(10);
        for (String code : codes) {
            assertThat(listed.get(Topics.departmentInbox(code)).partitions()).as(code).isEqualTo(3);
            assertThat(listed.get(Topics.departmentActions(code)).partitions()).as(code).isEqualTo(3);
            assertThat(listed.get(Topics.departmentActions(code)).configs()).as(code).containsEntry("retention.ms", "-1");
        }
        Set<String> inboxes = listed.keySet().stream().filter(name -> name.endsWith(".inbox")).collect(Collectors.toSet());
        assertThat(inboxes).as("no inbox for an unknown department")
                .isEqualTo(codes.stream().map(Topics::departmentInbox).collect(Collectors.toSet()));
        Set<String> actions = listed.keySet().stream().filter(name -> name.endsWith(".actions")).collect(Collectors.toSet());
        assertThat(actions).as("no actions topic for an unknown department")
                .isEqualTo(codes.stream().map(Topics::departmentActions).collect(Collectors.toSet()));
    }

    @Test
    void givenRoutingsActionsBinding_thenItReadsTheActionsTopicOfEveryDepartmentAndNoOther() {
        List<String> read = ServiceBindings.consumers().stream()
                .filter(consumer -> consumer.binding().equals("applyDepartmentAction-in-0"))
                .map(ServiceBindings.Consumer::topic).toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(DepartmentDirectory.codes().stream().map(Topics::departmentActions).toList());
    }

    @Test
    void givenEveryConsumerBindingOfTheFourServices_thenItsTopicAndItsDeadLetterTopicAreCreated() {
        List<ServiceBindings.Consumer> consumers = ServiceBindings.consumers();
        assertThat(consumers).extracting(ServiceBindings.Consumer::group)
                .contains("intake", "routing", "notification", "analytics");
        for (ServiceBindings.Consumer consumer : consumers) {
            assertThat(listed).as(consumer.toString()).containsKey(consumer.topic());
            assertThat(listed).as(consumer.toString()).containsKey(Topics.deadLetter(consumer.topic(), consumer.group()));
        }
        Set<String> deadLetterTopicsInUse = consumers.stream()
                .map(consumer -> Topics.deadLetter(consumer.topic(), consumer.group()))
                .collect(Collectors.toSet());
        assertThat(listed.values().stream().filter(TopicList.Topic::isDeadLetter).map(TopicList.Topic::name))
                .as("no dead-letter topic without a consumer")
                .allMatch(deadLetterTopicsInUse::contains);
    }

    @Test
    void givenTheBindersMinimumPartitionCount_thenEveryConsumedTopicAndItsDeadLetterTopicHaveAtLeastThatMany() {
        for (ServiceBindings.Consumer consumer : ServiceBindings.consumers()) {
            int minimum = ServiceBindings.minPartitionCount(consumer.service());
            assertThat(listed.get(consumer.topic()).partitions()).as(consumer.toString()).isGreaterThanOrEqualTo(minimum);
            assertThat(listed.get(Topics.deadLetter(consumer.topic(), consumer.group())).partitions())
                    .as(consumer.toString()).isGreaterThanOrEqualTo(minimum);
        }
    }
}
