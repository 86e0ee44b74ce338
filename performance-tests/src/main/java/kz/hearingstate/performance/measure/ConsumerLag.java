package kz.hearingstate.performance.measure;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group is behind on one topic: end offsets minus the group's committed offsets. */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    /** @param kafka a client's connection settings (bootstrap servers, credentials), e.g. the stack's admin */
    public ConsumerLag(Map<String, Object> kafka) {
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        this.admin = Admin.create(properties);
    }

    public Admin admin() {
        return admin;
    }

    /** Every record ever written to {@code topic}: the sum of its partitions' end offsets. */
    public long endOffsets(String topic) {
        try {
            return endOffsetsByPartition(topic).values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the end offsets of " + topic + ": " + e, e);
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsetsByPartition(String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
    }

    /** Records on {@code topic} that {@code group} has not committed yet; Long.MAX_VALUE if it never committed. */
    public long of(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = endOffsetsByPartition(topic);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                if (done == null) {
                    if (end.getValue().offset() > 0) {
                        return Long.MAX_VALUE;
                    }
                    continue;
                }
                lag += Math.max(0, end.getValue().offset() - done.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the lag of " + group + " on " + topic + ": " + e, e);
        }
    }

    /**
     * Records that {@code group} has not committed yet, over every partition it has ever committed on (all its
     * topics): end offsets minus committed offsets.
     */
    public GroupLag ofGroup(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return new GroupLag(0, 0);
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get(15, TimeUnit.SECONDS);
            long lag = 0;
            long written = 0;
            for (var done : committed.entrySet()) {
                var end = ends.get(done.getKey());
                if (end != null && done.getValue() != null) {
                    lag += Math.max(0, end.offset() - done.getValue().offset());
                    written += end.offset();
                }
            }
            return new GroupLag(lag, written);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the lag of " + group + ": " + e, e);
        }
    }

    /** @param lag records not yet committed; @param written the end offsets of the same partitions (records ever written) */
    public record GroupLag(long lag, long written) {
    }

    /** Waits until {@code group} has caught up on {@code topic}; false if it has not within {@code timeout}. */
    public boolean awaitCaughtUp(String group, String topic, Duration timeout) {
        return awaitNoLag(() -> of(group, topic), timeout, 250);
    }

    /** Waits until {@code group} has caught up on all its topics; false if it has not within {@code timeout}. */
    public boolean awaitCaughtUp(String group, Duration timeout) {
        return awaitNoLag(() -> ofGroup(group).lag(), timeout, 500);
    }

    private static boolean awaitNoLag(LongSupplier lag, Duration timeout, long pollMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (lag.getAsLong() == 0) {
                    return true;
                }
            } catch (IllegalStateException transientFailure) {
                // a slow answer, or the broker restarting in a fault scenario: ask again
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
