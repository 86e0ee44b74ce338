package kz.hearingstate.messaging;

import java.util.function.BiFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries and dead-lettering in the listener container, not in the binder.
 *
 * <p>Why: when the binder's own DLQ send fails it logs and commits the offset, and the record is lost.
 * Here spring-kafka's {@link DeadLetterPublishingRecoverer} waits for the dead-letter send; if it fails,
 * the recoverer throws, the error handler seeks back, and the offset stays uncommitted, so the record is
 * tried again later. Poison records ({@link PoisonEventException}, conversion failures) skip retries.
 * Retries back off exponentially and stay well under {@code max.poll.interval.ms}.
 *
 * <p>A record that fails because the service's store is unreachable ({@link #isStoreOutage}) is not poison: it
 * is retried, with the same back-off, until the store is back, and never dead-lettered. Dead-lettering it would
 * lose the fact for good (intake's status view of an appeal accepted while MongoDB was down, for one). The
 * partition waits meanwhile, as every other record on it would fail the same way.
 *
 * <p>Dead letters go to {@code <topic>.<group>.dlq}, keyed as the source, with the exception in headers;
 * the topic is created when the binding starts.
 */
public class DeadLetterErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    /** Counts records sent to a dead-letter topic; operators alert when it moves. */
    public static final String DEAD_LETTERED_METER = "kafka.dlq.records";

    private final KafkaOperations<Object, Object> deadLetterTemplate;
    private final MessagingProperties.Retry retry;
    private final MeterRegistry meterRegistry;
    private final DeadLetterTopics deadLetterTopics;

    DeadLetterErrorHandling(KafkaOperations<Object, Object> deadLetterTemplate, MessagingProperties.Retry retry,
            MeterRegistry meterRegistry, DeadLetterTopics deadLetterTopics) {
        this.deadLetterTemplate = deadLetterTemplate;
        this.retry = retry;
        this.meterRegistry = meterRegistry;
        this.deadLetterTopics = deadLetterTopics;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        for (String topic : destinationName.split(",")) {
            deadLetterTopics.ensure(Topics.deadLetter(topic.strip(), group));
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
        recoverer.setFailIfSendResultIsError(true);
        recoverer.setWaitForSendResultTimeout(retry.deadLetterSendTimeout());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            recoverer.accept(record, exception); // throws when the dead-letter send fails: nothing is committed
            Counter.builder(DEAD_LETTERED_METER)
                    .description("Records sent to a dead-letter topic")
                    .tag("topic", record.topic())
                    .tag("group", group)
                    .register(meterRegistry)
                    .increment();
        }, backOff(retry.maxAttempts() - 1));
        BackOff untilTheStoreIsBack = backOff(Integer.MAX_VALUE);
        handler.setBackOffFunction((record, exception) -> isStoreOutage(exception) ? untilTheStoreIsBack : null);
        handler.addNotRetryableExceptions(PoisonEventException.class, MessageConversionException.class,
                ConversionException.class, IllegalArgumentException.class);
        // A failed dead-letter send must not commit: seek back and try the record again.
        handler.setCommitRecovered(true);
        container.setCommonErrorHandler(handler);
    }

    private BackOff backOff(int retries) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retries);
        return backOff;
    }

    /**
     * Whether a failure says the store could not be reached, anywhere in its causes (a batch listener's failure
     * wraps the handler's): Spring Data translates MongoDB's socket and server-selection timeouts to
     * {@link DataAccessResourceFailureException}, and its transient ones to {@link TransientDataAccessResourceException}.
     */
    static boolean isStoreOutage(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
