package kz.hearingstate.faults;

import static kz.hearingstate.faults.FaultRun.await;
import static kz.hearingstate.faults.FaultRun.log;
import static kz.hearingstate.faults.FaultRun.pause;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.Topics;
import kz.hearingstate.localstack.IntakeClient;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.performance.load.BulkAppealProducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults on the whole platform, each under load from citizens whose every 202 is recorded. After each
 * scenario, every appeal acknowledged so far must be on {@code appeals.submitted}, routed exactly once,
 * notified (and no fact notified twice), and counted exactly once by analytics.
 *
 * <p>One stack serves every scenario (starting it is the expensive part), so they run in order; each
 * leaves the stack healthy for the next. Mode: {@link FaultMode} ({@code -Dfaults.mode=long}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIntegrationTest {

    private static final List<String> CONSUMER_GROUPS = List.of("intake", "routing", "notification", "analytics");
    /** The status views the replay compares before and after. */
    private static final int SAMPLED_STATUSES = 20;

    private final FaultMode mode = FaultMode.current();
    private final FaultReport report = new FaultReport();
    /** The rebalance storm's second routing instance, started ahead while the dead-letter scenarios run. */
    private CompletableFuture<FaultStack.Instance> secondRouting;
    private FaultStack stack;
    private FaultRun run;
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void startStack() throws Exception {
        // The checkout whose service jars run; another one can be named for a run against other builds.
        Path repository = Path.of(System.getProperty("stack.repository", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fault-stack-");
        System.out.println("Fault suite, mode " + mode);
        stack = FaultStack.start(repository, data);
        run = new FaultRun(stack, mode);
        Properties properties = new Properties();
        properties.putAll(stack.kafka());
        admin = Admin.create(properties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(properties);
    }

    @AfterAll
    void stopStack() {
        report.printAndWrite(Path.of("target", "fault-report.md"), mode);
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        FaultStack.stop(admin, stack);
    }

    @Test
    @Order(1)
    void givenLoad_whenEachServiceIsKilledWithSigkillInTurnAndRestarted_thenEveryAcknowledgedAppealIsThereExactlyOnce() {
        Instant started = Instant.now();
        List<String> restarts = new ArrayList<>();
        List<AppealLoad.Outcome> outcomes = underLoad("kill9-services", () -> {
            for (StackService service : StackService.values()) {
                if (service.ordinal() > 0) {
                    pause(Duration.ofSeconds(2)); // load on the whole stack again before the next kill
                }
                log("kill -9 " + service.module());
                Instant killed = Instant.now();
                stack.kill9(service);
                stack.restart(service);
                restarts.add(service.module() + " " + Duration.between(killed, Instant.now()).toSeconds() + " s");
                log(service.module() + " is back");
            }
        });

        String settled = assertEveryAcknowledgedAppealIsThereExactlyOnce();
        int mails = assertNoEmailSentTwice().size();
        report.add("kill -9 of each service in turn, restarted", started, FaultReport.answers(outcomes)
                + "; down until UP again: " + String.join(", ", restarts) + "; " + settled + "; " + mails
                + " e-mails since notification's restart, none twice");
    }

    @Test
    @Order(2)
    void givenLoad_whenTheBrokerIsKilledWithSigkill_thenIntakeAnswers503NeverA202UntilItIsBackAndNothingAcknowledgedIsLost() {
        Instant started = Instant.now();
        long[] down = new long[2];
        List<AppealLoad.Outcome> outcomes = underLoad("kill9-broker", () -> {
            stack.kill9Broker();
            down[0] = System.currentTimeMillis();
            log("broker killed");
            pause(mode.brokerDown());
            down[1] = System.currentTimeMillis();
            stack.restartBroker();
            log("broker is back");
        });

        List<AppealLoad.Outcome> whileDown = outcomes.stream()
                .filter(o -> o.sentAtMillis() > down[0] && o.answeredAtMillis() < down[1]).toList();
        assertThat(whileDown).as("answers to requests sent and answered while the broker was down").isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).as("intake's answer to %s while the broker is down",
                        o.idempotencyKey()).isEqualTo(503));
        String settled = assertEveryAcknowledgedAppealIsThereExactlyOnce();
        report.add("kill -9 of the broker, restarted after " + mode.brokerDown().toSeconds() + " s", started,
                FaultReport.answers(outcomes) + "; sent and answered while the broker was down ("
                        + (down[1] - down[0]) / 1000 + " s until restarted): " + whileDown.size() + ", every one 503; "
                        + settled);
    }

    @Test
    @Order(3)
    void givenLoad_whenTheMongoWireServerIsStoppedForAWhile_thenEveryAcknowledgedAppealIsStillThereExactlyOnce() {
        Instant started = Instant.now();
        List<AppealLoad.Outcome> outcomes = underLoad("mongo-stop", () -> {
            stack.stopMongo();
            log("MongoDB-wire server stopped for " + mode.mongoDown().toSeconds() + " s");
            pause(mode.mongoDown());
            stack.startMongo();
            log("MongoDB-wire server is back");
        });

        String settled = assertEveryAcknowledgedAppealIsThereExactlyOnce();
        // Intake's own write of the view failed while MongoDB was down; its projection must still make every one.
        await("every group to catch up", mode.settle(), this::everyGroupCaughtUp);
        int views = intakeStatuses(Integer.MAX_VALUE).size();
        report.add("MongoDB-wire server stopped " + mode.mongoDown().toSeconds() + " s", started,
                FaultReport.answers(outcomes) + "; " + settled + "; intake's status view of all " + views);
    }

    @Test
    @Order(4)
    void givenPoisonRecordsAheadOfAValidAppeal_whenConsumed_thenEachGroupDeadLettersThemAndStillProcessesTheAppeal()
            throws Exception {
        Instant started = Instant.now();
        // Its consumers stay idle until the rebalance storm; starting the JVM now saves that scenario the wait.
        secondRouting = CompletableFuture.supplyAsync(() -> stack.addInstanceWithoutConsumers(StackService.ROUTING));
        String appealId = UUID.randomUUID().toString();
        RecordMetadata unparseable = send(appealId, "{not json at all".getBytes(StandardCharsets.UTF_8));
        RecordMetadata schemaInvalid = send(appealId,
                ("{\"appealId\":\"" + appealId + "\",\"text\":\"short\"}").getBytes(StandardCharsets.UTF_8));
        RecordMetadata valid = send(appealId, validBody(appealId));
        assertThat(List.of(unparseable.partition(), schemaInvalid.partition())).containsOnly(valid.partition());
        TopicPartition partition = new TopicPartition(Topics.APPEALS_SUBMITTED, valid.partition());

        await("every group to commit past the valid appeal behind the poison", Duration.ofSeconds(90),
                () -> CONSUMER_GROUPS.stream().allMatch(group -> committed(group, partition) > valid.offset()));
        for (String group : CONSUMER_GROUPS) {
            String deadLetters = Topics.deadLetter(Topics.APPEALS_SUBMITTED, group);
            List<TopicLedger.Entry> dead = TopicLedger.read(stack.kafka(), deadLetters::equals).stream()
                    .filter(e -> appealId.equals(e.key())).toList();
            assertThat(dead).as("records of %s on %s", appealId, deadLetters).hasSize(2);
            assertThat(dead).extracting(TopicLedger.Entry::body)
                    .containsExactlyInAnyOrder("{not json at all", "{\"appealId\":\"" + appealId + "\",\"text\":\"short\"}");
        }
        String settled = assertEveryAcknowledgedAppealIsThereExactlyOnce();
        report.add("poison records (not JSON; against the schema) ahead of a valid appeal", started,
                "each of " + CONSUMER_GROUPS.size() + " groups (" + String.join(", ", CONSUMER_GROUPS)
                        + ") put both on its dead-letter topic (" + 2 * CONSUMER_GROUPS.size()
                        + " dead letters) and committed past the valid appeal on the same partition; " + settled);
    }

    @Test
    @Order(5)
    void givenAnUnwritableDeadLetterTopic_whenAPoisonRecordArrives_thenTheOffsetStaysUncommittedUntilTheDeadLetterIsWritten()
            throws Exception {
        Instant started = Instant.now();
        String group = "analytics";
        String deadLetters = Topics.deadLetter(Topics.APPEALS_SUBMITTED, group);
        createIfMissing(deadLetters);
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, deadLetters);
        // Records larger than one byte are refused: every dead-letter publish fails with RecordTooLargeException.
        alter(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1"), AlterConfigOp.OpType.SET));
        String appealId = UUID.randomUUID().toString();
        RecordMetadata poison;
        RecordMetadata valid;
        try {
            poison = send(appealId, "\u0000 binary garbage".getBytes(StandardCharsets.UTF_8));
            valid = send(appealId, validBody(appealId));
            TopicPartition partition = new TopicPartition(Topics.APPEALS_SUBMITTED, poison.partition());

            await("routing, whose dead-letter topic works, to pass both records", Duration.ofSeconds(60),
                    () -> committed("routing", partition) > valid.offset());
            pause(mode.deadLetterOutage());

            assertThat(committed(group, partition)).as("%s's committed offset while its dead-letter topic refuses writes",
                    group).isLessThanOrEqualTo(poison.offset());
            assertThat(deadLettersFor(deadLetters, appealId)).isEmpty();
        } finally {
            alter(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
                    AlterConfigOp.OpType.DELETE));
        }
        TopicPartition partition = new TopicPartition(Topics.APPEALS_SUBMITTED, poison.partition());
        await(group + " to dead-letter the poison and commit past it once the topic takes writes", Duration.ofSeconds(90),
                () -> committed(group, partition) > valid.offset());
        assertThat(deadLettersFor(deadLetters, appealId)).hasSize(1);
        String settled = assertEveryAcknowledgedAppealIsThereExactlyOnce();
        report.add("analytics' dead-letter topic refuses writes (max.message.bytes=1)", started,
                "routing passed the poison record; analytics' committed offset stayed at or before it for "
                        + mode.deadLetterOutage().toSeconds() + " s, with no dead letter; once the topic took writes: 1 dead letter,"
                        + " offset past the valid appeal; " + settled);
    }

    @Test
    @Order(6)
    void givenLoad_whenASecondRoutingInstanceJoinsAndLeavesRepeatedly_thenEveryAppealIsRoutedExactlyOnce() {
        Instant started = Instant.now();
        int[] members = new int[2];
        long[] routedBySecond = new long[1];
        List<AppealLoad.Outcome> outcomes = underLoad("rebalance-storm", () -> {
            int alone = members[0] = members("routing");
            // One process whose consumers join (bindings started) and leave (stopped) the group: each cycle is two
            // real rebalances without paying a JVM start per join. The last leave is the process stopping.
            try (FaultStack.Instance second = secondRoutingInstance()) {
                for (int cycle = 1; cycle <= mode.rebalanceCycles(); cycle++) {
                    stack.startConsumers(StackService.ROUTING, second.baseUrl());
                    await("every consumer of the second instance to join", Duration.ofSeconds(60),
                            () -> members("routing") == 2 * alone);
                    members[1] = members("routing");
                    long routedBefore = stack.appealsRoutedBy(second.baseUrl());
                    // Stay until the joined instance has routed an appeal: partitions with records in flight move.
                    await("the second instance to route an appeal", Duration.ofSeconds(30),
                            () -> stack.appealsRoutedBy(second.baseUrl()) > routedBefore);
                    routedBySecond[0] = stack.appealsRoutedBy(second.baseUrl());
                    if (cycle < mode.rebalanceCycles()) {
                        stack.stopConsumers(StackService.ROUTING, second.baseUrl());
                        await("the second instance's consumers to leave", Duration.ofSeconds(60),
                                () -> members("routing") == alone);
                    }
                    log("rebalance cycle " + cycle + ": the second instance joined (" + members[1] + " members, "
                            + alone + " before) and left");
                }
            }
            await("the second instance to leave for good", Duration.ofSeconds(60), () -> members("routing") == alone);
        });

        String settled = assertEveryAcknowledgedAppealIsThereExactlyOnce();
        report.add("rebalance storm: a second routing instance joins and leaves", started, FaultReport.answers(outcomes)
                + "; " + mode.rebalanceCycles() + " joins and leaves (group members " + members[0] + " ⇄ " + members[1]
                + "), the second instance routing " + routedBySecond[0] + " appeals, at least one per join; " + settled);
    }

    @Test
    @Order(7)
    void givenSettledProjections_whenEveryConsumerGroupReplaysFromOffsetZero_thenNoProjectionChangesAndNothingIsSentAgain()
            throws Exception {
        Instant started = Instant.now();
        assertEveryAcknowledgedAppealIsThereExactlyOnce();
        // Settled is judged on the topics and analytics; intake's status views are projected by a group of their own.
        await("every group to catch up", mode.settle(), this::everyGroupCaughtUp);
        PlatformLedger topicsBefore = PlatformLedger.read(stack.kafka());
        JsonNode summaryBefore = analyticsSummary();
        Map<String, JsonNode> statusBefore = intakeStatuses(SAMPLED_STATUSES);
        List<String> mailBefore = assertNoEmailSentTwice();

        // What an operator does for a replay: stop the consumers, reset the group, start them again.
        // Every service consumes: CONSUMER_GROUPS are their groups.
        for (StackService service : StackService.values()) {
            stack.stopConsumers(service, stack.baseUrlOf(service));
        }
        long replayed = 0;
        for (String group : CONSUMER_GROUPS) {
            await(group + " to have no member left", Duration.ofSeconds(60), () -> members(group) == 0);
            Map<TopicPartition, OffsetAndMetadata> toZero = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .keySet().forEach(tp -> toZero.put(tp, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, toZero).all().get(30, TimeUnit.SECONDS);
            long records = endOffsets(toZero.keySet());
            replayed += records;
            log(group + " reset to offset 0 on " + toZero.size() + " partitions (" + records + " records to replay)");
        }
        for (StackService service : StackService.values()) {
            stack.startConsumers(service, stack.baseUrlOf(service));
        }
        await("every group to replay to the end", Duration.ofMinutes(3), this::everyGroupCaughtUp);

        PlatformLedger topicsAfter = PlatformLedger.read(stack.kafka());
        assertThat(topicsAfter.routedEventIds).as("appeal.routed event ids after the replay").isEqualTo(topicsBefore.routedEventIds);
        assertThat(topicsAfter.inboxEventIds).as("inbox event ids after the replay").isEqualTo(topicsBefore.inboxEventIds);
        assertThat(topicsAfter.notifications).as("notifications after the replay").isEqualTo(topicsBefore.notifications);
        assertThat(analyticsSummary()).as("analytics summary after the replay").isEqualTo(summaryBefore);
        assertThat(intakeStatuses(SAMPLED_STATUSES)).as("intake's status views after the replay").isEqualTo(statusBefore);
        assertThat(mailMessageIds()).as("e-mails in the SMTP server after the replay (Message-IDs)").isEqualTo(mailBefore);
        report.add("every consumer group reset to offset 0 and replayed", started, replayed + " records replayed by "
                + CONSUMER_GROUPS.size() + " groups; unchanged: " + topicsBefore.routedEventIds.size() + " appeal.routed ids, "
                + topicsBefore.inboxEventIds.size() + " inbox records, " + topicsBefore.notifications.size()
                + " appeals' notifications, analytics' summary, " + statusBefore.size() + " status views; e-mails "
                + mailBefore.size() + " before and after (none twice, none sent again)");
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<AppealLoad.Outcome> underLoad(String name, Runnable fault) {
        return run.underLoad(name, mode.appealsPerSecond(), fault);
    }

    private String assertEveryAcknowledgedAppealIsThereExactlyOnce() {
        return run.assertEveryAcknowledgedAppealIsThereExactlyOnce();
    }

    /**
     * No e-mail in the SMTP server twice (by Message-ID), on top of the one notification id per fact that every
     * check asserts. Read only after the first scenario and around the replay: the dev mailbox parses every
     * message on each call, which takes seconds once it holds a thousand, and it keeps everything since
     * notification's last start (the first scenario's restart), so the replay's reads cover scenarios 2 to 7.
     */
    private List<String> assertNoEmailSentTwice() {
        List<String> ids = mailMessageIds();
        assertThat(ids).as("e-mails sent more than once (by Message-ID)").doesNotHaveDuplicates();
        return ids;
    }

    /** The instance started ahead, or (the storm run on its own) one started now; both wait for health UP. */
    private FaultStack.Instance secondRoutingInstance() {
        return secondRouting != null ? secondRouting.join() : stack.addInstanceWithoutConsumers(StackService.ROUTING);
    }

    private int members(String group) {
        return FaultRun.members(admin, group);
    }

    private long endOffsets(Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    private List<String> mailMessageIds() {
        JsonNode mailbox = stack.mailbox().orElseThrow(() -> new AssertionError("notification's mailbox did not answer"));
        List<String> ids = new ArrayList<>();
        mailbox.forEach(mail -> ids.add(mail.path("messageId").asString("")));
        return ids.stream().sorted().toList();
    }

    private boolean everyGroupCaughtUp() {
        try (var lag = new kz.hearingstate.performance.measure.ConsumerLag(stack.kafka())) {
            for (String group : CONSUMER_GROUPS) {
                for (String topic : List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE)) {
                    if (hasOffsets(group, topic) && lag.of(group, topic) != 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean hasOffsets(String group, String topic) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS)
                    .keySet().stream().anyMatch(tp -> tp.topic().equals(topic));
        } catch (Exception e) {
            return false;
        }
    }

    private JsonNode analyticsSummary() {
        JsonNode summary = stack.json(stack.baseUrlOf(StackService.ANALYTICS) + "/api/v1/stats/summary")
                .orElseThrow(() -> new AssertionError("analytics summary did not answer"));
        ((ObjectNode) summary).remove(List.of("generatedAt", "from", "to"));
        return summary;
    }

    /** Intake's status view of (at most {@code limit} of) the acknowledged appeals; each must have one. */
    private Map<String, JsonNode> intakeStatuses(int limit) {
        Map<String, JsonNode> statuses = new HashMap<>();
        // As the submitting channel: the tracking code alone opens nothing.
        IntakeClient intake = new IntakeClient(stack.baseUrlOf(StackService.INTAKE), stack.apiKey());
        run.trackingCodes().values().stream().sorted().limit(limit).forEach(code -> statuses.put(code,
                intake.status(code).orElseThrow(() -> new AssertionError("no status view for " + code))));
        return statuses;
    }

    private RecordMetadata send(String appealId, byte[] body) throws Exception {
        return producer.send(BulkAppealProducer.record(appealId, UUID.randomUUID().toString(), body, Instant.now()))
                .get(30, TimeUnit.SECONDS);
    }

    private static byte[] validBody(String appealId) {
        return BulkAppealProducer.body(appealId, 7, Instant.now()).getBytes(StandardCharsets.UTF_8);
    }

    private long committed(String group, TopicPartition partition) {
        try {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(15, TimeUnit.SECONDS).get(partition);
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            return -1;
        }
    }

    private List<TopicLedger.Entry> deadLettersFor(String deadLetterTopic, String appealId) {
        return TopicLedger.read(stack.kafka(), deadLetterTopic::equals).stream()
                .filter(e -> appealId.equals(e.key())).toList();
    }

    private void createIfMissing(String topic) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void alter(ConfigResource resource, AlterConfigOp op) throws Exception {
        admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }

}
