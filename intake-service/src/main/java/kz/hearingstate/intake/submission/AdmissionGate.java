package kz.hearingstate.intake.submission;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Bounds the submissions waiting for Kafka's acknowledgement at once, how long a submission may wait for one of
 * Tomcat's threads, and how long an admitted one may take. Without these bounds, overload queues every caller behind
 * the broker, or (with the CPU saturated) in Tomcat's thread pool, until their clients time out, with no answer at
 * all. With them, a caller beyond the bound waits at most {@code maxWait}, and one that waited longer than
 * {@code arrivalBudget} for a thread is refused before its body is read ({@link #refuseIfWaitedTooLong}, called by the
 * first filter). Both get 503 {@code overloaded} with Retry-After, so every caller hears something fast and nothing
 * unacknowledged is ever answered 202. An admitted submission is due {@code answerWithin} after its admission
 * ({@link Admission}): an idempotency key's reservation still unwritten then is refused, and one Kafka acknowledged is
 * answered without waiting longer for the writes that follow.
 */
@Component
public class AdmissionGate {

    public static final String IN_FLIGHT_METER = "intake.admission.in.flight";
    public static final String REFUSED_METER = "intake.admission.refused";
    /** 202s given while the status view was still being written (the answer was due). */
    public static final String ANSWERED_BEFORE_WRITES_METER = "intake.admission.answered.before.writes";

    private final int maxInFlight;
    private final Semaphore permits;
    private final Duration maxWait;
    private final Duration arrivalBudget;
    private final long answerWithinNanos;
    private final int maxStoreWrites;
    private final AtomicInteger storeWrites = new AtomicInteger();
    private final Duration retryAfter;
    private final Counter refused;
    private final Counter answeredBeforeWrites;

    public AdmissionGate(IntakeProperties properties, MeterRegistry meters) {
        IntakeProperties.Admission admission = properties.admission();
        this.maxInFlight = admission.maxInFlight();
        this.permits = new Semaphore(maxInFlight);
        this.maxWait = admission.maxWait();
        this.arrivalBudget = admission.arrivalBudget();
        this.answerWithinNanos = admission.answerWithin().toNanos();
        this.maxStoreWrites = admission.maxStoreWrites();
        this.retryAfter = admission.retryAfter();
        Gauge.builder(IN_FLIGHT_METER, this, AdmissionGate::inFlight)
                .description("Submissions admitted and not yet answered").register(meters);
        this.refused = Counter.builder(REFUSED_METER).description("Submissions refused with 503 overloaded").register(meters);
        this.answeredBeforeWrites = Counter.builder(ANSWERED_BEFORE_WRITES_METER)
                .description("202s given while the status view was still being written")
                .register(meters);
    }

    /**
     * A place among the submissions in flight, due {@code answerWithin} from now, given back by {@link Admission#close()}.
     * Refused at once while {@code maxStoreWrites} of the submissions' store writes are running: they finish in
     * milliseconds, and only a store that hangs gathers that many.
     */
    public Admission enter() {
        if (storeWrites.get() >= maxStoreWrites) {
            throw refusal();
        }
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw refusal();
        }
        return new Admission(System.nanoTime() + answerWithinNanos);
    }

    /**
     * Refuses a submission that arrived at {@code arrivedAtNanos} (System.nanoTime, when Tomcat queued it for a thread)
     * and has waited longer than the arrival budget: under overload its caller is better served by a 503 now than by
     * an answer after its own timeout. A request that got its thread at once is never refused here, however slowly it
     * is then parsed (a cold JVM's first requests).
     */
    public void refuseIfWaitedTooLong(long arrivedAtNanos) {
        if (System.nanoTime() - arrivedAtNanos >= arrivalBudget.toNanos()) {
            throw refusal();
        }
    }

    private ApiException refusal() {
        refused.increment();
        return ApiException.retryLater(ProblemType.OVERLOADED, retryAfter);
    }

    public int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    /** The submissions' store writes running now, whether their answers waited for them or not. */
    public int storeWritesRunning() {
        return storeWrites.get();
    }

    /**
     * Held while one submission is reserved, published and recorded, and due at {@code dueAtNanos} (System.nanoTime).
     * Under overload the broker and the store answer slowly, and an admitted submission could otherwise be answered
     * seconds late: the due time keeps its caller's wait bounded wherever the submission stands. The wait for Kafka's
     * acknowledgement is the one step it does not cut short: a refusal after the send could leave the caller
     * believing an appeal failed that Kafka then takes (and a broker failover, with every node healthy but one,
     * would answer 503 where it must answer 202).
     * <p>
     * Store work the answer did not wait for goes on after the place is given back; {@link #enter()} bounds how much
     * of it there may be.
     */
    public final class Admission implements AutoCloseable {

        private final long dueAtNanos;

        private Admission(long dueAtNanos) {
            this.dueAtNanos = dueAtNanos;
        }

        /**
         * The result of {@code work} (run on a virtual thread) if it comes before the answer is due, otherwise 503
         * {@code overloaded} at the due time, the work left to finish on its own. Only for work before the send, while
         * a refusal loses nothing.
         */
        public <T> T beforeDue(Supplier<T> work) {
            return resultBeforeDue(work).orElseThrow(AdmissionGate.this::refusal);
        }

        /**
         * The result of {@code work} (run on a virtual thread, never null) if it comes before the answer is due, else
         * empty at the due time, the work left to finish on its own.
         */
        public <T> Optional<T> resultBeforeDue(Supplier<T> work) {
            long left = dueAtNanos - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            FutureTask<T> task = new FutureTask<>(work::get);
            startWrite(task);
            try {
                return Optional.of(task.get(left, TimeUnit.NANOSECONDS));
            } catch (TimeoutException late) {
                return Optional.empty();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failed) {
                    throw failed;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        /**
         * Runs {@code write} at once (on a virtual thread) and waits for it until the answer is due, not at all once it
         * is; true when it finished. One left running finishes on its own, and the answer given without it is counted
         * ({@link #ANSWERED_BEFORE_WRITES_METER}).
         */
        public boolean writeUntilDue(Runnable write) {
            Thread running = startWrite(write);
            boolean finished = awaitUntilDue(running);
            if (!finished) {
                answeredBeforeWrites.increment();
            }
            return finished;
        }

        private boolean awaitUntilDue(Thread running) {
            long left = dueAtNanos - System.nanoTime();
            try {
                return left > 0 ? running.join(Duration.ofNanos(left)) : !running.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private Thread startWrite(Runnable work) {
            storeWrites.incrementAndGet();
            return Thread.ofVirtual().start(() -> {
                try {
                    work.run();
                } finally {
                    storeWrites.decrementAndGet();
                }
            });
        }

        @Override
        public void close() {
            permits.release();
        }
    }
}
