package kz.hearingstate.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
 * <p>It works in rounds of up to {@code batch-size} notifications. A round claims them (PENDING → SENDING,
 * attempts + 1) with conditional updates, so one worker among many instances sends each; handed ones are
 * claimed together in two round trips. Then it sends them: the notifications of different appeals at the same
 * time, on {@code parallelism} threads, since SMTP and the gateways are slow I/O; those of one appeal one
 * after another, in order. Each thread sends its share of the round over one connection per channel where
 * the channel allows it (e-mail: one SMTP session, not one per message). Then one write records every result: SENT; after a failure PENDING again with
 * exponential back-off and jitter; after the last attempt FAILED. Last, the round's {@code
 * notification.outcome.v1} events go out together (one round of Kafka acknowledgements).
 *
 * <p>The one window where a message could be sent twice: a crash after the channel accepted it and before
 * its round recorded it SENT (a round whose write MongoDB failed is kept in memory and recorded first when MongoDB
 * answers again, well inside the claims' lease). Its claim then runs out and it is sent again. A round is short (bounded by
 * {@code batch-size} and the channels' time-outs, well inside the claim's {@code lease}). We chose this over at-most-once (never
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
    /**
     * Attempts made whose results the store did not take (MongoDB failed the round's write): recorded first when it
     * answers again, while their claims still hold, so that a message the channel accepted is not sent again.
     */
    private final List<Notification> unrecorded = new ArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private ExecutorService senders;
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
        // Platform threads: the mail client synchronises on its transport while it waits for the server.
        senders = Executors.newFixedThreadPool(settings.parallelism(),
                Thread.ofPlatform().name("notification-send-", 1).daemon().factory());
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
        senders.shutdown();
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
                recordUnrecorded();
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
                log.warn("Delivery failed for now: {}", Masking.withoutContacts(String.valueOf(e.getMessage())));
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

    /** The handed notifications that are due, a round at a time (see the class comment). */
    void deliverHanded() {
        List<Handed> due;
        while (running && !(due = takeDue()).isEmpty()) {
            List<Notification> claimed;
            try {
                claimed = store.claimPending(due.stream().map(Handed::id).toList(), now(), now().plus(settings.lease()));
            } catch (RuntimeException e) {
                handed.addAll(due); // tried again after the failure; the claim is conditional, so never sent twice
                throw e;
            }
            deliver(claimed);
        }
    }

    private List<Handed> takeDue() {
        List<Handed> due = new ArrayList<>();
        Handed next;
        while (due.size() < settings.batchSize() && (next = handed.peek()) != null && !next.dueAt().isAfter(now())) {
            handed.remove(next);
            due.add(next);
        }
        return due;
    }

    /** Due notifications in the store that this instance was not handed (see the class comment). */
    void deliverDue() {
        List<Notification> due;
        do {
            due = store.due(now(), settings.batchSize());
            List<Notification> claimed = new ArrayList<>();
            for (Notification notification : due) {
                if (!running) {
                    return;
                }
                store.claim(notification, now().plus(settings.lease())).ifPresent(claimed::add);
            }
            deliver(claimed);
        } while (due.size() == settings.batchSize());
    }

    /** One round: each appeal's notifications in order, the appeals at the same time; then one write, one publication. */
    private void deliver(List<Notification> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        List<Future<List<Notification>>> sending = sendersShare(claimed).stream()
                .map(share -> senders.submit(() -> attemptAll(share)))
                .toList();
        List<Notification> attempted = new ArrayList<>(claimed.size());
        for (Future<List<Notification>> share : sending) {
            attempted.addAll(result(share));
        }
        record(attempted);
    }

    /** The attempts of a round that the store failed to take earlier, recorded before anything else is claimed or sent. */
    void recordUnrecorded() {
        List<Notification> earlier;
        synchronized (unrecorded) {
            earlier = List.copyOf(unrecorded);
            unrecorded.clear();
        }
        if (!earlier.isEmpty()) {
            record(earlier);
        }
    }

    /** One write for the round's results, then what each came to; kept for later if the store fails the write. */
    private void record(List<Notification> attempted) {
        List<Notification> recorded;
        try {
            recorded = store.recordAttempts(attempted);
        } catch (RuntimeException e) {
            synchronized (unrecorded) {
                unrecorded.addAll(attempted);
            }
            throw e;
        }
        List<Notification> finished = new ArrayList<>(recorded.size());
        for (Notification notification : recorded) { // an attempt that outlived its claim is the new claimant's to tell
            switch (notification.status()) {
                case SENT -> {
                    metrics.sent(notification, Duration.between(notification.eventTime(), notification.sentAt()));
                    log.debug("Sent notification {} {} by {} (attempt {})", notification.id(), notification.template(),
                            notification.channel(), notification.attempts());
                    finished.add(notification);
                }
                case FAILED -> {
                    metrics.failed(notification);
                    log.warn("Notification {} {} by {} FAILED after {} attempt(s): {}", notification.id(),
                            notification.template(), notification.channel(), notification.attempts(),
                            Masking.withoutContacts(notification.lastError()));
                    finished.add(notification);
                }
                default -> {
                    handed.add(new Handed(notification.id(), notification.dueAt(), handedSequence.incrementAndGet()));
                    log.info("Notification {} by {} failed (attempt {} of {}), retrying at {}: {}", notification.id(),
                            notification.channel(), notification.attempts(), settings.maxAttempts(),
                            notification.dueAt(), Masking.withoutContacts(notification.lastError()));
                }
            }
        }
        outcomes.publish(finished);
    }

    /**
     * The round's notifications split among the sender threads: each appeal's all in one share, in order,
     * the appeals dealt out in turn, so that the threads send at the same time and each share can go over
     * one connection per channel.
     */
    private List<List<Notification>> sendersShare(List<Notification> claimed) {
        Map<String, List<Notification>> byAppeal = claimed.stream()
                .collect(Collectors.groupingBy(Notification::appealId, LinkedHashMap::new, Collectors.toList()));
        int shares = Math.min(settings.parallelism(), byAppeal.size());
        List<List<Notification>> shared = new ArrayList<>(shares);
        for (int share = 0; share < shares; share++) {
            shared.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Notification> sameAppeal : byAppeal.values()) {
            shared.get(next++ % shares).addAll(sameAppeal);
        }
        return shared;
    }

    /**
     * One attempt of each claimed notification, each channel's in the order given (so each appeal's, since a
     * recipient has one channel): the notifications as the attempts leave them, nothing stored yet.
     */
    private List<Notification> attemptAll(List<Notification> claimed) {
        Notification[] attempted = new Notification[claimed.size()];
        Map<ContactChannel, List<Integer>> positionsByChannel = new EnumMap<>(ContactChannel.class);
        for (int position = 0; position < claimed.size(); position++) {
            Notification notification = claimed.get(position);
            if (notification.attempts() > settings.maxAttempts()) {
                // Its last attempt was claimed by a worker that died before recording the result.
                attempted[position] = notification.attempted(NotificationStatus.FAILED, null, null,
                        "no result recorded for the last attempt");
            } else if (!channels.containsKey(notification.channel())) {
                attempted[position] = failed(notification,
                        DeliveryFailedException.permanentFailure("channel " + notification.channel() + " is not configured"));
            } else {
                positionsByChannel.computeIfAbsent(notification.channel(), channel -> new ArrayList<>()).add(position);
            }
        }
        positionsByChannel.forEach((channel, positions) -> {
            List<OutgoingMessage> messages = positions.stream().map(claimed::get).map(OutgoingMessage::of).toList();
            Map<Integer, DeliveryFailedException> failures;
            try {
                failures = channels.get(channel).deliverAll(messages);
            } catch (RuntimeException e) { // a channel's bug: none counts as sent, each is tried again
                failures = new HashMap<>();
                for (int index = 0; index < messages.size(); index++) {
                    failures.put(index, DeliveryFailedException.transientFailure(String.valueOf(e.getMessage()), e));
                }
            }
            Instant sentAt = now();
            for (int index = 0; index < positions.size(); index++) {
                Notification notification = claimed.get(positions.get(index));
                DeliveryFailedException failure = failures.get(index);
                attempted[positions.get(index)] = failure == null
                        ? notification.attempted(NotificationStatus.SENT, null, sentAt, null)
                        : failed(notification, failure);
            }
        });
        return List.of(attempted);
    }

    /** After a failed attempt: FAILED for good, or PENDING again after the back-off. */
    private Notification failed(Notification claimed, DeliveryFailedException failure) {
        String error = Masking.text(String.valueOf(failure.getMessage()));
        if (failure.permanent() || claimed.attempts() >= settings.maxAttempts()) {
            return claimed.attempted(NotificationStatus.FAILED, null, null, error);
        }
        return claimed.attempted(NotificationStatus.PENDING, now().plus(backoff.after(claimed.attempts())), null, error);
    }

    private static List<Notification> result(Future<List<Notification>> sending) {
        try {
            return sending.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sending failed unexpectedly", e.getCause()); // attempt() catches failures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        }
    }

    /** Outcomes whose publication failed earlier (Kafka away) go out now. */
    void publishMissingOutcomes() {
        List<Notification> unpublished;
        do {
            unpublished = store.withUnpublishedOutcome(settings.batchSize());
        } while (running && outcomes.publish(unpublished) && unpublished.size() == settings.batchSize());
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
