package kz.hearingstate.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due notifications on its own thread, so a slow or failing channel never blocks a Kafka partition.
 *
 * <p>What this instance records is handed to it directly ({@link #submit}) and kept in a local queue in
 * due order (then the order of recording), so a notification goes out as soon as it is recorded, without
 * searching the store. Every {@code poll-interval} (and at start) the worker also searches the store for
 * due notifications it was not handed: retries that a restart forgot, claims whose worker died, other
 * instances' leftovers, outcomes whose publication failed. The store stays the truth: the local queue only
 * says where to look first.
 *
 * <p>Each attempt claims the notification (PENDING → SENDING, attempts + 1) with a conditional update, so
 * one worker among many instances sends it. After the channel accepted it, it is marked SENT; after a
 * failure it waits with exponential back-off and jitter, and after the last attempt it is FAILED. Either
 * end publishes a {@code notification.outcome.v1}.
 *
 * <p>The one window where a message could be sent twice: a crash after the channel accepted it and before
 * it was marked SENT. Its claim then runs out and it is sent again. We chose this over at-most-once (never
 * resend a claimed notification) because losing a citizen's registration notice or answer is worse than
 * a rare repeat, and every channel carries the notification id as an idempotency key (e-mail Message-ID,
 * SMS gateway reference, {@code X-Hearing-Notification-Id}) so the receiving side can drop the repeat.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** After MongoDB or Kafka failed a round, the next one waits this long: no busy loop through an outage. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final NotificationStore store;
    private final Map<ContactChannel, DeliveryChannel> channels = new EnumMap<>(ContactChannel.class);
    private final OutcomePublisher outcomes;
    private final DeliveryMetrics metrics;
    private final NotificationProperties.Delivery settings;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final PriorityBlockingQueue<Handed> handed = new PriorityBlockingQueue<>();
    private final AtomicLong handedSequence = new AtomicLong();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public DeliveryWorker(NotificationStore store, List<DeliveryChannel> channels, OutcomePublisher outcomes,
            DeliveryMetrics metrics, NotificationProperties properties, RetryBackoff backoff, Clock clock) {
        this.store = store;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.settings = properties.delivery();
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Notifications just recorded as PENDING: sent as soon as they are due, in the order handed. */
    public void submit(List<Notification> recorded) {
        recorded.forEach(notification -> handed.add(new Handed(notification.id(), notification.dueAt(),
                handedSequence.incrementAndGet())));
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("notification-delivery").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Instant nextSearch = Instant.MIN;
        while (running) {
            long waitMillis;
            try {
                deliverHanded();
                if (!now().isBefore(nextSearch)) {
                    nextSearch = now().plus(settings.pollInterval());
                    deliverDue();
                    publishMissingOutcomes();
                }
                Handed next = handed.peek();
                Instant wakeAt = next != null && next.dueAt().isBefore(nextSearch) ? next.dueAt() : nextSearch;
                waitMillis = Math.max(1, Duration.between(now(), wakeAt).toMillis());
            } catch (RuntimeException e) {
                // MongoDB or Kafka away for a moment: nothing is lost (the store is the truth); try again in a while.
                log.warn("Delivery failed for now: {}", Masking.text(String.valueOf(e.getMessage())));
                waitMillis = RETRY_AFTER_FAILURE.toMillis();
            }
            try {
                wake.tryAcquire(Math.min(waitMillis, settings.pollInterval().toMillis()), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The handed notifications that are due: claimed by id, one round trip each. */
    void deliverHanded() {
        Handed next;
        while (running && (next = handed.peek()) != null && !next.dueAt().isAfter(now())) {
            handed.remove(next);
            try {
                store.claimPending(next.id(), now(), now().plus(settings.lease())).ifPresent(this::attempt);
            } catch (RuntimeException e) {
                handed.add(next); // tried again after the failure; the claim is conditional, so never sent twice
                throw e;
            }
        }
    }

    /** Due notifications in the store that this instance was not handed (see the class comment). */
    void deliverDue() {
        List<Notification> due;
        do {
            due = store.due(now(), settings.batchSize());
            for (Notification notification : due) {
                if (!running) {
                    return;
                }
                store.claim(notification, now().plus(settings.lease())).ifPresent(this::attempt);
            }
        } while (due.size() == settings.batchSize());
    }

    private void attempt(Notification claimed) {
        if (claimed.attempts() > settings.maxAttempts()) {
            // Its last attempt was claimed by a worker that died before recording the result.
            giveUp(claimed, "no result recorded for the last attempt");
            return;
        }
        try {
            DeliveryChannel channel = channels.get(claimed.channel());
            if (channel == null) {
                throw DeliveryFailedException.permanentFailure("channel " + claimed.channel() + " is not configured");
            }
            channel.deliver(OutgoingMessage.of(claimed));
            Instant sentAt = now();
            store.markSent(claimed.id(), sentAt);
            metrics.sent(claimed, Duration.between(claimed.eventTime(), sentAt));
            log.info("Sent notification {} {} to {} by {} (attempt {})", claimed.id(), claimed.template(),
                    claimed.maskedAddress(), claimed.channel(), claimed.attempts());
            publishOutcome(claimed.id());
        } catch (DeliveryFailedException e) {
            String error = Masking.text(e.getMessage());
            if (e.permanent() || claimed.attempts() >= settings.maxAttempts()) {
                giveUp(claimed, error);
            } else {
                Duration wait = backoff.after(claimed.attempts());
                Instant retryAt = now().plus(wait);
                store.retryAt(claimed.id(), retryAt, error);
                handed.add(new Handed(claimed.id(), retryAt, handedSequence.incrementAndGet()));
                log.info("Notification {} to {} by {} failed (attempt {} of {}), retrying in {} ms: {}", claimed.id(),
                        claimed.maskedAddress(), claimed.channel(), claimed.attempts(), settings.maxAttempts(),
                        wait.toMillis(), error);
            }
        }
    }

    private void giveUp(Notification claimed, String error) {
        store.markFailed(claimed.id(), error);
        metrics.failed(claimed);
        log.warn("Notification {} {} to {} by {} FAILED after {} attempt(s): {}", claimed.id(), claimed.template(),
                claimed.maskedAddress(), claimed.channel(), claimed.attempts(), error);
        publishOutcome(claimed.id());
    }

    private void publishOutcome(String id) {
        Optional<Notification> stored = store.find(id);
        stored.ifPresent(outcomes::publish);
    }

    /** Outcomes whose publication failed earlier (Kafka away) go out now. */
    void publishMissingOutcomes() {
        for (Notification notification : store.withUnpublishedOutcome(settings.batchSize())) {
            if (!outcomes.publish(notification)) {
                return;
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A notification handed to this worker: due then, and the how-many-th handed (order of recording). */
    private record Handed(String id, Instant dueAt, long sequence) implements Comparable<Handed> {

        @Override
        public int compareTo(Handed other) {
            int byDue = dueAt.compareTo(other.dueAt);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }
}
