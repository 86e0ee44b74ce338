package kz.hearingstate.testing;

/**
 * Arguments for a second instance of a service that a test starts and closes within seconds.
 *
 * <p>Spring Cloud Stream's Kafka binder (5.0.4) can deadlock when its context closes while the consumer-lag gauge's
 * first computation, a second after start, is creating its metadata consumer: {@code KafkaBinderMetrics.close()} holds
 * its lock and waits for the consumers' map, whose entry the computation holds while it waits for that lock. Seen
 * here once: a test's JVM hung on the close of such an instance. Without the gauge (a meter filter denies it) no
 * computation is scheduled. The services keep the gauge: they close long after its first computation.
 */
public final class SecondInstance {

    /** Denies the binder's consumer-lag gauge, so that nothing of it runs while the instance closes. */
    public static final String WITHOUT_CONSUMER_LAG_GAUGE = "--management.metrics.enable.spring.cloud.stream.binder.kafka.offset=false";

    private SecondInstance() {
    }
}
