package kz.hearingstate.faults;

import static kz.hearingstate.faults.FaultRun.await;
import static kz.hearingstate.faults.FaultRun.log;
import static kz.hearingstate.faults.FaultRun.pause;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import kz.hearingstate.events.Topics;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.performance.measure.LatencySummary;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shape users run when one machine is not enough (the local stack's {@code --kafka-cluster} and second
 * instances): three KRaft nodes, replication factor 3, {@code min.insync.replicas} 2, and two instances of the
 * consumer services in one consumer group each. Under load, one broker is killed with SIGKILL, then one instance of
 * each service; every acknowledged appeal must still be there exactly once. Verdicts with their figures:
 * {@code target/fault-report-cluster.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIntegrationTest {

    /** Intake's answers while a broker fails over: what a caller may wait at most. */
    private static final Duration ANSWER_BUDGET = Duration.ofSeconds(2);
    /** Load on all three brokers before one is killed (after the 2 s every scenario starts with). */
    private static final Duration BEFORE_THE_KILL = Duration.ofSeconds(5);
    /** Load before the first scenario (after its own 2 s, and 3 s after), not measured. */
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private final FaultMode mode = FaultMode.current();
    private final FaultReport report = new FaultReport("Fault suite on 3 Kafka brokers and 2 instances of each consumer service");
    private final List<StackService> twoInstances = new ArrayList<>();
    private FaultStack stack;
    private FaultRun run;
    private Admin admin;

    @BeforeAll
    void startStack() throws Exception {
        Path repository = Path.of(System.getProperty("stack.repository", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fault-cluster-");
        if (mode.secondIntake()) {
            twoInstances.add(StackService.INTAKE);
        }
        twoInstances.addAll(List.of(StackService.ROUTING, StackService.NOTIFICATION, StackService.ANALYTICS));
        System.out.println("Fault suite on the cluster shape, mode " + mode + "; second instances of " + twoInstances);
        stack = FaultStack.start(repository, data, true, twoInstances);
        run = new FaultRun(stack, mode);
        Properties properties = new Properties();
        properties.putAll(stack.kafka());
        admin = Admin.create(properties);
        // The first answers of JVMs just started pay for class loading and compilation, not for anything the
        // scenarios do: load that nobody measures first, so the answers before the kill are the yardstick.
        run.underLoad("warm-up", mode.failoverAppealsPerSecond(), () -> pause(WARM_UP));
    }

    @AfterAll
    void stopStack() {
        report.printAndWrite(Path.of("target", "fault-report-cluster.md"), mode);
        FaultStack.stop(admin, stack);
    }

    @Test
    @Order(1)
    void givenLoad_whenOneOfThreeBrokersIsKilledWithSigkill_thenIntakeKeepsAnswering202AndNothingIsLostOrDuplicated()
            throws Exception {
        Instant started = Instant.now();
        int controller = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        // Every node starts at 0: when the controller leads all six partitions, another node is still a broker to kill.
        Map<Integer, Long> leaderships = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                .collect(Collectors.toMap(Node::id, node -> 0L, Long::sum, HashMap::new));
        leadersOf(Topics.APPEALS_SUBMITTED).stream().filter(p -> p.leader() != null)
                .forEach(p -> leaderships.merge(p.leader().id(), 1L, Long::sum));
        // The node leading the most appeals.submitted partitions, other than the active controller: a broker's failover.
        int victim = leaderships.entrySet().stream().filter(e -> e.getKey() != controller)
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long[] killedAt = new long[1];
        long[] leadersMovedAfter = new long[1];
        List<AppealLoad.Outcome> outcomes = run.underLoad("kill9-one-of-three-brokers", mode.failoverAppealsPerSecond(), () -> {
            pause(BEFORE_THE_KILL); // the answers' latency with three brokers, to compare the failover's with
            killedAt[0] = System.currentTimeMillis(); // the kill returns once the process is gone: taken before it
            stack.kill9KafkaNode(victim);
            log("Kafka node " + victim + " killed (it led " + leaderships.get(victim) + " of 6 appeals.submitted partitions)");
            await("every appeals.submitted partition to have a leader other than node " + victim, mode.failoverWindow(),
                    () -> {
                        List<TopicPartitionInfo> partitions = leadersOf(Topics.APPEALS_SUBMITTED);
                        return !partitions.isEmpty()
                                && partitions.stream().allMatch(p -> p.leader() != null && p.leader().id() != victim);
                    });
            leadersMovedAfter[0] = System.currentTimeMillis() - killedAt[0];
            pause(Duration.ofMillis(Math.max(0, mode.failoverWindow().toMillis() - leadersMovedAfter[0])));
            log("failover window over; restarting node " + victim);
        });
        Instant restarting = Instant.now();
        stack.restartKafkaNode(victim);
        long restartSeconds = Duration.between(restarting, Instant.now()).toSeconds();

        long windowEnd = killedAt[0] + mode.failoverWindow().toMillis();
        // A submission in flight at the kill (sent within the answer budget before it, answered after it) waits for the
        // failover like those sent later: it is the failover's, not the yardstick's. Counted before the kill, one such
        // answer made the machine look too slow to judge. One sent earlier and answered late stays in the yardstick.
        long inFlightFrom = killedAt[0] - ANSWER_BUDGET.toMillis();
        List<AppealLoad.Outcome> duringFailover = outcomes.stream().filter(o -> o.sentAtMillis() < windowEnd
                && (o.sentAtMillis() >= killedAt[0] || o.sentAtMillis() >= inFlightFrom && o.answeredAtMillis() >= killedAt[0]))
                .toList();
        List<AppealLoad.Outcome> beforeTheKill = outcomes.stream()
                .filter(o -> o.sentAtMillis() < killedAt[0] && !duringFailover.contains(o)).toList();
        LatencySummary latency = latency(duringFailover);
        LatencySummary before = latency(beforeTheKill);
        String figures = "node " + victim + " of 3 killed (leader of " + leaderships.get(victim)
                + " of 6 appeals.submitted partitions; node " + controller + " was the active controller), new leaders after "
                + leadersMovedAfter[0] + " ms; " + FaultReport.answers(outcomes) + "; before the kill: answer p50 "
                + before.p50() + " ms, p99 " + before.p99() + " ms; in the " + mode.failoverWindow().toSeconds()
                + " s from the kill (and in flight at it): " + FaultReport.answers(duringFailover) + ", answer p50 "
                + latency.p50() + " ms, p99 " + latency.p99() + " ms, max " + latency.max() + " ms; node back in "
                + restartSeconds + " s";
        log(figures);
        String settled = run.assertEveryAcknowledgedAppealIsThereExactlyOnce();
        // Intake's answers are a measure of the failover only on a machine that answered within the budget with three
        // brokers: beside other stacks and builds (load average 25 to 35 on 2 cores) answers took 7 s before any kill.
        boolean judged = beforeTheKill.stream().allMatch(o -> o.status() == 202)
                && before.p99() != null && before.p99() < ANSWER_BUDGET.toMillis();
        String scenario = "kill -9 of one of 3 brokers (min.insync.replicas 2), restarted after "
                + mode.failoverWindow().toSeconds() + " s";
        if (!judged) {
            report.add(scenario, started, figures + "; " + settled
                    + "; the 2 s budget NOT JUDGED: the machine did not answer within it before the kill");
            Assumptions.abort("Too busy a machine to judge the failover's answers: before the kill "
                    + FaultReport.answers(beforeTheKill) + ", p99 " + before.p99() + " ms (" + figures + ")");
        }
        assertThat(duringFailover).as("answers to submissions sent during the failover").isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).as("intake's answer to %s", o.idempotencyKey()).isEqualTo(202));
        // The answers' p99 is a measurement, reported against the 2 s budget rather than asserted: a timing on a
        // shared 2-core machine is not a verdict on behaviour (the benchmark's report is where latency is judged).
        boolean withinBudget = latency.p99() != null && latency.p99() < ANSWER_BUDGET.toMillis();
        report.add(scenario, started, figures + "; " + settled + "; answer p99 during the failover "
                + (withinBudget ? "within" : "OVER") + " the 2 s budget");
    }

    @Test
    @Order(2)
    void givenTwoInstancesOfEachService_whenOneOfEachIsKilledWithSigkill_thenItsPartnerTakesItsPartitionsAndNothingIsLost() {
        Instant started = Instant.now();
        Map<StackService, Integer> membersBefore = new EnumMap<>(StackService.class);
        twoInstances.forEach(service -> membersBefore.put(service, FaultRun.members(admin, service.kafkaPrincipal())));
        assertThat(membersBefore).as("group members with two instances of each service running")
                .allSatisfy((service, members) -> assertThat(members).isEqualTo(2 * stack.consumerBindings(service).size()));
        Map<StackService, Long> takenOverAfter = new EnumMap<>(StackService.class);
        List<AppealLoad.Outcome> outcomes = run.underLoad("kill9-one-instance-of-each", mode.failoverAppealsPerSecond(), () -> {
            long killedAt = System.currentTimeMillis();
            for (StackService service : twoInstances) {
                stack.kill9SecondInstance(service);
                log("kill -9 of the second " + service.module());
            }
            // A killed consumer never leaves its group: the broker notices when its session (45 s by default) lapses.
            await("each group's remaining instance to hold every partition", Duration.ofMinutes(3), () -> {
                for (StackService service : twoInstances) {
                    String group = service.kafkaPrincipal();
                    if (!takenOverAfter.containsKey(service)
                            && membersOfOneInstanceHoldEveryPartition(group, membersBefore.get(service) / 2)) {
                        takenOverAfter.put(service, System.currentTimeMillis() - killedAt);
                        log(group + ": the partner holds every partition, " + takenOverAfter.get(service) + " ms after the kill");
                    }
                }
                return takenOverAfter.size() == twoInstances.size();
            });
        });

        String settled = run.assertEveryAcknowledgedAppealIsThereExactlyOnce();
        report.add("kill -9 of the second instance of " + twoInstances.stream().map(StackService::module)
                .collect(Collectors.joining(", ")), started, FaultReport.answers(outcomes) + "; the partner held every"
                + " partition of its group after (ms from the kill): " + takenOverAfter.entrySet().stream()
                .map(e -> e.getKey().kafkaPrincipal() + " " + e.getValue()).collect(Collectors.joining(", ")) + "; " + settled);
    }

    private static LatencySummary latency(List<AppealLoad.Outcome> outcomes) {
        return LatencySummary.of(outcomes.stream().map(o -> o.answeredAtMillis() - o.sentAtMillis()).toList());
    }

    /** True when {@code group} has {@code members} members and they hold every partition of the topics it reads. */
    private boolean membersOfOneInstanceHoldEveryPartition(String group, int members) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(15, TimeUnit.SECONDS).get(group);
            if (description.members().size() != members) {
                return false;
            }
            List<TopicPartition> held = description.members().stream().map(MemberDescription::assignment)
                    .flatMap(assignment -> assignment.topicPartitions().stream()).toList();
            List<String> topics = held.stream().map(TopicPartition::topic).distinct().toList();
            long partitions = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).values().stream()
                    .mapToLong(topic -> topic.partitions().size()).sum();
            return !held.isEmpty() && held.size() == partitions;
        } catch (Exception e) {
            return false;
        }
    }

    private List<TopicPartitionInfo> leadersOf(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic).partitions();
        } catch (Exception e) {
            return List.of();
        }
    }
}
