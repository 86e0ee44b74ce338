package kz.hearingstate.intake.submission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Bounds the submissions waiting for Kafka's acknowledgement at once, and how long a submission may wait for one of
 * Tomcat's threads. Without these bounds, overload queues every caller behind the broker, or (with the CPU
 * saturated) in Tomcat's thread pool, until their clients time out, with no answer at all. With them, a caller
 * beyond the bound waits at most {@code maxWait}, and one that waited longer than {@code arrivalBudget} for a
 * thread is refused before its body is read ({@link #refuseIfWaitedTooLong}, called by the first filter). Both get
 * 503 {@code overloaded} with Retry-After, so every caller hears something fast and nothing unacknowledged is ever
 * answered 202.
 */
@Component
public class AdmissionGate {

    public static final String IN_FLIGHT_METER = "intake.admission.in.flight";
    public static final String REFUSED_METER = "intake.admission.refused";

    private final int maxInFlight;
    private final Semaphore permits;
    private final Duration maxWait;
    private final Duration arrivalBudget;
    private final Duration retryAfter;
    private final Counter refused;

    public AdmissionGate(IntakeProperties properties, MeterRegistry meters) {
        IntakeProperties.Admission admission = properties.admission();
        this.maxInFlight = admission.maxInFlight();
        this.permits = new Semaphore(maxInFlight);
        this.maxWait = admission.maxWait();
        this.arrivalBudget = admission.arrivalBudget();
        this.retryAfter = admission.retryAfter();
        Gauge.builder(IN_FLIGHT_METER, this, AdmissionGate::inFlight)
                .description("Submissions admitted and not yet answered").register(meters);
        this.refused = Counter.builder(REFUSED_METER).description("Submissions refused with 503 overloaded").register(meters);
    }

    /** A place among the submissions in flight, given back by {@link Admission#close()}. */
    public Admission enter() {
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
        return permits::release;
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

    /** Held while one submission is reserved, published and recorded. */
    @FunctionalInterface
    public interface Admission extends AutoCloseable {
        @Override
        void close();
    }
}
