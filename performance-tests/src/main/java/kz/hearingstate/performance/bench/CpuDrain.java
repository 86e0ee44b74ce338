package kz.hearingstate.performance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import kz.hearingstate.events.Topics;
import kz.hearingstate.localstack.KafkaCredentials;
import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.StackSettings;
import kz.hearingstate.performance.load.AppealBodies;
import kz.hearingstate.performance.load.BulkAppealProducer;
import kz.hearingstate.performance.load.LoadTestChannel;
import kz.hearingstate.performance.load.MailSink;
import kz.hearingstate.performance.measure.ConsumerLag;
import kz.hearingstate.performance.measure.ProcessSample;
import kz.hearingstate.performance.measure.StackProcesses;
import kz.hearingstate.performance.measure.StoreCommands;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code scripts/bench.sh --drain N}: the CPU each process spends per appeal, from a drain. N appeals of
 * citizens who want an e-mail back, under a portal topic and from a settlement (so analytics' hotspot check runs: it
 * did not before 6 Dec 2026, when the bodies had no topic), are written
 * straight to {@code appeals.submitted} at the producer's full speed; the drain ends when every consumer
 * group has caught up on every appeal topic and {@code notifications.outcomes} stopped growing. The CPU
 * time of each process ({@code /proc/<pid>/stat}) between the first record and that moment, divided by N,
 * is its CPU per appeal: notification's counts every message it sent (registered, routed, the department's). Beside
 * it, the store's commands per appeal by collection and the server's time for them ({@link StoreCommands}).
 * Intake's HTTP path is not exercised (intake only keeps its status view here). A warm-up drain of its own
 * size comes first, so the JIT and the connection pools are warm.
 */
final class CpuDrain {

    private static final Duration POLL = Duration.ofMillis(500);
    /** Nothing changed for this long after the groups caught up: the drain is over. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration GIVE_UP = Duration.ofMinutes(20);
    private static final Map<String, List<String>> GROUP_TOPICS = Map.of(
            "routing", List.of(Topics.APPEALS_SUBMITTED),
            "notification", List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE),
            "analytics", List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE, Topics.NOTIFICATIONS_OUTCOMES),
            "intake", List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE));

    private final Path repositoryRoot;
    private final Path workDirectory;
    private final Consumer<String> log;

    CpuDrain(Path repositoryRoot, Path workDirectory, Consumer<String> log) {
        this.repositoryRoot = repositoryRoot;
        this.workDirectory = workDirectory;
        this.log = log;
    }

    /** Runs {@code rounds} measured drains of {@code count} appeals after one warm-up drain; returns the report. */
    String run(int count, int rounds) {
        Thread stopOnExit = StackProcesses.stopDescendantsOnExit();
        try (MailSink mail = MailSink.start();
             LocalStack stack = LocalStack.start(new LoadTestChannel().configure(StackSettings.onFreePorts(repositoryRoot,
                     workDirectory.resolve("stack"), repositoryRoot.resolve("local-stack/target/kafka-libs")), mail), log);
             ConsumerLag lag = new ConsumerLag(stack.kafkaClientConfig(KafkaCredentials.ADMIN));
             MongoClient store = MongoClients.create(stack.mongoUri())) {
            Map<String, Object> kafka = stack.kafkaClientConfig(KafkaCredentials.ADMIN);
            log.accept("Warm-up drain of " + count + " appeals ...");
            drain(stack, lag, store, kafka, count, "warmup");
            StringBuilder report = new StringBuilder();
            report.append("CPU ms per appeal, drains of ").append(count).append(" appeals (")
                    .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .append("; notification's e-mail goes to a mail server outside its process)\n");
            for (int round = 1; round <= rounds; round++) {
                String line = drain(stack, lag, store, kafka, count, "round" + round);
                log.accept(line);
                report.append(line).append('\n');
            }
            return report.toString();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    private String drain(LocalStack stack, ConsumerLag lag, MongoClient store, Map<String, Object> kafka, int count,
            String runId) {
        Map<String, Long> pids = StackProcesses.of(stack);
        String loadBefore = loadAverage();
        Map<String, ProcessSample> before = samples(pids);
        StoreCommands commandsBefore = StoreCommands.of(store);
        long start = System.nanoTime();
        produce(kafka, count, runId + "-" + UUID.randomUUID());
        Drained drained = awaitDrained(lag, pids, store);
        Map<String, ProcessSample> end = drained.samples();
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %.1f s, load %s |", runId, seconds,
                loadBefore));
        for (var process : pids.entrySet()) {
            ProcessSample first = before.get(process.getKey());
            ProcessSample last = end.get(process.getKey());
            if (first != null && last != null) {
                double cpuMillis = (last.cpuTicks() - first.cpuTicks()) * 10.0; // USER_HZ 100: a tick is 10 ms
                line.append(String.format(Locale.ROOT, " %s %.2f", process.getKey(), cpuMillis / count));
            }
        }
        return line.append("\n  ").append(drained.commands().since(commandsBefore, count)).toString();
    }

    /** The processes' CPU and the store's commands when a drain was over. */
    private record Drained(Map<String, ProcessSample> samples, StoreCommands commands) {
    }

    /** Polls until every group caught up and outcomes stopped growing; the figures of the moment that began. */
    private Drained awaitDrained(ConsumerLag lag, Map<String, Long> pids, MongoClient store) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long lastOutcomes = -1;
        Drained quietSince = null;
        long quietSinceNanos = 0;
        while (System.nanoTime() < deadline) {
            Drained now = new Drained(samples(pids), StoreCommands.of(store));
            long outcomes = lag.endOffsets(Topics.NOTIFICATIONS_OUTCOMES);
            boolean caughtUp = GROUP_TOPICS.entrySet().stream()
                    .allMatch(group -> group.getValue().stream().allMatch(topic -> lag.of(group.getKey(), topic) == 0));
            if (caughtUp && outcomes == lastOutcomes) {
                if (quietSince == null) {
                    quietSince = now;
                    quietSinceNanos = System.nanoTime();
                } else if (System.nanoTime() - quietSinceNanos >= QUIET.toNanos()) {
                    return quietSince;
                }
            } else {
                quietSince = null;
            }
            lastOutcomes = outcomes;
            sleep(POLL);
        }
        throw new IllegalStateException("The drain did not end within " + GIVE_UP);
    }

    private static Map<String, ProcessSample> samples(Map<String, Long> pids) {
        Map<String, ProcessSample> samples = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessSample.of(pid).ifPresent(sample -> samples.put(name, sample)));
        return samples;
    }

    /** Appeals as intake writes them, at the producer's full speed; returns once the broker acknowledged them all. */
    private static void produce(Map<String, Object> kafka, int count, String runId) {
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        AtomicReference<Exception> failure = new AtomicReference<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < count; i++) {
                String appealId = UUID.nameUUIDFromBytes((runId + ":" + i).getBytes(StandardCharsets.UTF_8)).toString();
                producer.send(BulkAppealProducer.record(appealId, appealId + ":submitted",
                        body(appealId, i, now).getBytes(StandardCharsets.UTF_8), now), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The drain's appeals were not acknowledged", failure.get());
        }
    }

    /** Of citizens who want an e-mail, each under its portal topic, from the district's settlements in turn ({@link AppealBodies}). */
    static String body(String appealId, long sequence, Instant now) {
        return """
                {"appealId":"%s","trackingCode":"ZH-DRAIN-%d","channel":"load-test","externalId":null,"type":"COMPLAINT",\
                "subject":null,"text":"%s","language":"ru","languageDetected":true,"categoryHint":"%s",\
                "anonymous":false,"citizen":{"fullName":"Load Citizen %d","iin":null,"phone":null,\
                "email":"citizen-%d@load.invalid","preferredContact":"EMAIL","language":"ru"},\
                "location":{"district":"Жамбылский район","settlement":"%s","address":null,"lat":43.22,"lon":76.31},\
                "attachments":null,"receivedAt":"%s","registeredAt":"%s","deadline":"%s"}"""
                .formatted(appealId, sequence, AppealBodies.text(sequence), AppealBodies.topic(sequence), sequence, sequence,
                        AppealBodies.settlement(sequence),
                        now.plusMillis(sequence), now.plusMillis(sequence), now.plus(Duration.ofDays(21)));
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
