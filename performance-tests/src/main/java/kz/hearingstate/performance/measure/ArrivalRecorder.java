package kz.hearingstate.performance.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the pipeline from the outside: for every appealId, the Kafka timestamp (the producing
 * service's send time) of its first record on each leg. Only records that arrive after {@link #start()}
 * count, so earlier runs and preloads do not mix in. It joins no consumer group, so it never moves
 * the services' offsets or takes their partitions.
 */
public final class ArrivalRecorder implements AutoCloseable {

    /** The points of an appeal's way through the pipeline that the benchmark times. */
    public enum Leg {
        /** {@code appeal.submitted} written by intake, just before its 202. */
        SUBMITTED,
        /** The appeal on its department's {@code departments.<code>.inbox}. */
        INBOX,
        /** {@code appeal.routed} on {@code appeals.lifecycle}. */
        ROUTED,
        /** The first {@code notification.outcome} for the appeal. */
        NOTIFIED
    }

    private static final Pattern WATCHED = Pattern.compile(
            "appeals\\.submitted|appeals\\.lifecycle|notifications\\.outcomes|departments\\.[^.]+\\.inbox");
    private static final String ROUTED_TYPE = LifecycleType.ROUTED.eventType();

    private final Map<String, Object> kafka;
    private final Map<Leg, Map<String, Long>> firstSeen = new ConcurrentHashMap<>();
    private final Map<Leg, Map<String, Integer>> seenCount = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean assigned;
    private Thread thread;

    /** @param kafka a client's connection settings (bootstrap servers, credentials) that may read every leg's topic */
    public ArrivalRecorder(Map<String, Object> kafka) {
        this.kafka = kafka;
        for (Leg leg : Leg.values()) {
            firstSeen.put(leg, new ConcurrentHashMap<>());
            seenCount.put(leg, new ConcurrentHashMap<>());
        }
    }

    /** Starts reading from the current end of every watched topic; returns once positioned. */
    public ArrivalRecorder start() {
        thread = Thread.ofPlatform().name("arrival-recorder").daemon().start(this::poll);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!assigned) {
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                throw new IllegalStateException("The arrival recorder could not reach Kafka at " + kafka.get("bootstrap.servers"));
            }
            sleep(50);
        }
        return this;
    }

    /** When each appeal was first seen on {@code leg}, epoch milliseconds by appealId. */
    public Map<String, Long> arrivals(Leg leg) {
        return Map.copyOf(firstSeen.get(leg));
    }

    /** How many records each appeal had on {@code leg} (more than one means a redelivery or a duplicate). */
    public Map<String, Integer> counts(Leg leg) {
        return Map.copyOf(seenCount.get(leg));
    }

    /**
     * The appeals seen on {@code from} and not yet on {@code to}, as a lag over {@code from}'s appeals: how far
     * behind the stage between the two legs is.
     */
    public ConsumerLag.GroupLag backlog(Leg from, Leg to) {
        Map<String, Long> reached = firstSeen.get(to);
        Set<String> entered = firstSeen.get(from).keySet();
        long behind = entered.stream().filter(appealId -> !reached.containsKey(appealId)).count();
        return new ConsumerLag.GroupLag(behind, entered.size());
    }

    /** Forgets everything seen so far, so that the next run is measured on its own. */
    public void clear() {
        firstSeen.values().forEach(Map::clear);
        seenCount.values().forEach(Map::clear);
    }

    private void poll() {
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
                if (WATCHED.matcher(topic).matches()) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before load starts
            assigned = true;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Leg leg = legOf(record);
                    if (leg != null && record.key() != null) {
                        firstSeen.get(leg).merge(record.key(), record.timestamp(), Math::min);
                        seenCount.get(leg).merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
    }

    static Leg legOf(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        if (topic.equals(Topics.APPEALS_SUBMITTED)) {
            return Leg.SUBMITTED;
        }
        if (topic.equals(Topics.NOTIFICATIONS_OUTCOMES)) {
            return Leg.NOTIFIED;
        }
        if (topic.equals(Topics.APPEALS_LIFECYCLE)) {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            return type != null && ROUTED_TYPE.equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8))
                    ? Leg.ROUTED : null;
        }
        return topic.endsWith(".inbox") ? Leg.INBOX : null;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
