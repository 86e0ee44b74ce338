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
 * again. A failure of the handler names the first record of the batch: it is retried with back-off as a
 * single record would be, so handlers must be idempotent across a redelivered batch (they are: every
 * write is guarded by an event id or a sequence). Never let another exception escape a batch listener:
 * the error handler would then retry and dead-letter the whole batch.
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
        for (int index = 0; index < records.size(); index++) {
            T event;
            try {
                event = read.read(records.get(index));
            } catch (RuntimeException unreadable) {
                handle(handler, events);
                throw new BatchListenerFailedException(String.valueOf(unreadable.getMessage()), unreadable, index);
            }
            if (event != null) {
                events.add(event);
            }
        }
        handle(handler, events);
    }

    private static <T> void handle(Consumer<List<T>> handler, List<T> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            handler.accept(events);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Handling " + events.size() + " events failed", e, 0);
        }
    }
}
