package kz.hearingstate.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * How every batch-mode consumer ({@code consumer.batch-mode: true}) reads and handles a poll's records,
 * so that the guarantees of record mode hold for a whole batch.
 *
 * <p>Each record is read in order; the events are handed to the handler together. A record that cannot
 * be read splits the batch: the events before it are handled, then {@link BatchListenerFailedException}
 * names it, so {@link DeadLetterErrorHandling} commits what came before, dead-letters it at once when it
 * is poison ({@link PoisonEventException}) or retries it with back-off otherwise, and delivers the rest
 * again. When the handler fails on the events together, they are handed to it again one at a time, and the
 * failure names the record whose event fails, which is then retried or dead-lettered as a single record would
 * be: naming the batch's first record would dead-letter a good one (and then the next, one at a time) while the
 * one at fault stayed. A store outage names the first record at once: every event would fail the same way, and
 * the error handler retries it until the store is back. Handlers must be idempotent across a redelivered batch
 * (they are: every write is guarded by an event id or a sequence). Never let another exception escape a batch
 * listener: the error handler would then retry and dead-letter the whole batch.
 */
public final class EventBatches {

    private EventBatches() {
    }

    /** Reads one record of a batch; null passes it over (a type this consumer ignores). */
    @FunctionalInterface
    public interface RecordReader<T> {
        @Nullable T read(Message<byte[]> record);
    }

    public static <T> void handle(EventReader reader, Message<List<byte[]>> batch, RecordReader<T> read,
            Consumer<List<T>> handler) {
        List<Message<byte[]>> records = reader.records(batch);
        List<T> events = new ArrayList<>(records.size());
        List<Integer> recordIndexes = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            T event;
            try {
                event = read.read(records.get(index));
            } catch (RuntimeException unreadable) {
                handle(handler, events, recordIndexes);
                throw new BatchListenerFailedException(String.valueOf(unreadable.getMessage()), unreadable, index);
            }
            if (event != null) {
                events.add(event);
                recordIndexes.add(index);
            }
        }
        handle(handler, events, recordIndexes);
    }

    /** Hands the events to the handler; {@code recordIndexes} holds each one's index among the batch's records. */
    private static <T> void handle(Consumer<List<T>> handler, List<T> events, List<Integer> recordIndexes) {
        if (events.isEmpty()) {
            return;
        }
        try {
            handler.accept(events);
            return;
        } catch (RuntimeException failed) {
            if (events.size() == 1 || DeadLetterErrorHandling.isStoreOutage(failed)) {
                throw new BatchListenerFailedException("Handling " + events.size() + " events failed", failed,
                        recordIndexes.getFirst());
            }
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                handler.accept(List.of(events.get(i)));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("Handling its event failed", failed, recordIndexes.get(i));
            }
        }
    }
}
