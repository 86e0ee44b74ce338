package kz.hearingstate.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Settlement;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.notification.directory.DepartmentDirectory;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import kz.hearingstate.testing.TopicRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Poison records go to the dead-letter topic without blocking; a failed dead-letter send commits nothing. */
class DeadLetterIntegrationTest extends IntegrationTestSupport {

    private static final String DIRECTORY_DLQ = Topics.deadLetter(Topics.DEPARTMENTS_DIRECTORY, "notification");

    @Autowired
    private DepartmentDirectory directory;

    @Test
    void givenPoisonRecordOnLifecycle_whenConsumed_thenDeadLetteredAndTheNextRecordOnItsPartitionIsHandled() throws Exception {
        String appealId = Appeals.newAppealId();
        String email = "after-poison-" + appealId.substring(3, 11) + "@mail.test";
        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.ru, Appeals.citizen(ContactChannel.EMAIL, null, email, Language.ru)));
        RecordMetadata poison = send(Topics.APPEALS_LIFECYCLE, 0, appealId, "poison-" + appealId,
                LifecycleType.ROUTED.eventType(), "{not json".getBytes(StandardCharsets.UTF_8));
        publishTo(0, appealId, LifecycleType.ROUTED);

        await().atMost(Duration.ofSeconds(30)).until(() -> topics().records(Topics.deadLetter(Topics.APPEALS_LIFECYCLE, "notification"))
                .stream().anyMatch(r -> ("poison-" + appealId).equals(TopicRecorder.header(r, CloudEventHeaders.ID))));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 2);
        assertThat(committedOffset(new TopicPartition(Topics.APPEALS_LIFECYCLE, 0))).isGreaterThan(poison.offset() + 1);
    }

    @Test
    void givenDeadLetterTopicRefusingWrites_whenPoisonRecordArrives_thenItsOffsetStaysUncommittedUntilTheDeadLetterIsWritten()
            throws Exception {
        TopicPartition directoryPartition = new TopicPartition(Topics.DEPARTMENTS_DIRECTORY, 0);
        awaitConsumed(publishDepartment(0, "warm-up", 1));
        setMaxMessageBytes(DIRECTORY_DLQ, "1"); // the broker now refuses every dead letter
        try {
            RecordMetadata poison = send(Topics.DEPARTMENTS_DIRECTORY, 0, "broken", "poison-directory",
                    EventTypes.DEPARTMENT_CHANGED, "{}".getBytes(StandardCharsets.UTF_8));
            publishDepartment(0, "behind-poison", 1);

            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250))
                    .until(() -> committedOffset(directoryPartition) <= poison.offset());
            assertThat(directory.find("behind-poison")).as("nothing behind the poison record was processed").isEmpty();
            assertThat(deadLetters()).isEmpty();

            setMaxMessageBytes(DIRECTORY_DLQ, "1048588");

            await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(directoryPartition) > poison.offset() + 1);
            assertThat(deadLetters()).containsExactly("poison-directory");
            assertThat(directory.find("behind-poison")).isPresent();
        } finally {
            setMaxMessageBytes(DIRECTORY_DLQ, "1048588");
        }
    }

    @Test
    void givenTheSettlementListOnTheDirectoryTopic_whenConsumed_thenItIsPassedOverNotDeadLettered() throws Exception {
        SettlementsChanged settlements = new SettlementsChanged(1, List.of(new Settlement("samsy",
                Map.of(Language.kk, "Самсы", Language.ru, "Самсы", Language.en, "Samsy"), List.of())), Instant.now());
        send(Topics.DEPARTMENTS_DIRECTORY, 0, SettlementsChanged.KEY, "settlements:v1", EventTypes.SETTLEMENTS_CHANGED,
                json.writeValueAsBytes(settlements));
        awaitConsumed(publishDepartment(0, "after-settlements", 1));

        assertThat(directory.find("after-settlements")).isPresent();
        assertThat(deadLetters()).doesNotContain("settlements:v1");
    }

    private List<String> deadLetters() {
        return topics().records(DIRECTORY_DLQ).stream().map(r -> TopicRecorder.header(r, CloudEventHeaders.ID)).toList();
    }

    private void setMaxMessageBytes(String topic, String bytes) throws Exception {
        try (Admin admin = admin()) {
            Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes), AlterConfigOp.OpType.SET)));
            admin.incrementalAlterConfigs(change).all().get(10, TimeUnit.SECONDS);
        }
    }

    private RecordMetadata publishDepartment(int partition, String code, long version) {
        DepartmentChanged changed = new DepartmentChanged(code, version, Map.of(Language.kk, code, Language.ru, code, Language.en, code),
                null, code + "@akimat.test", null, null, List.of(), List.of(), false, false, false, "admin", Instant.now());
        return send(Topics.DEPARTMENTS_DIRECTORY, partition, code, code + ":" + version, EventTypes.DEPARTMENT_CHANGED,
                json.writeValueAsBytes(changed));
    }

    private void publishTo(int partition, String appealId, LifecycleType type) {
        send(Topics.APPEALS_LIFECYCLE, partition, appealId, appealId + ":1", type.eventType(),
                json.writeValueAsBytes(Appeals.step(appealId, 1, type, "roads")));
    }
}
