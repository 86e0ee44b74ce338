package kz.hearingstate.intake.web;

import java.util.concurrent.TimeUnit;

import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/**
 * Tomcat's request thread pool, built as Tomcat builds its own, that remembers when each connection's work was
 * queued. Under overload a request waits in this pool's queue before any of intake's code runs: Tomcat's own
 * request start time is taken after that wait, so without this stamp nobody could tell a request that waited
 * seconds for a thread from a fresh one. {@link #queuedAtNanos()} gives the stamp to the code running the task.
 */
public final class ArrivalStampingExecutor extends ThreadPoolExecutor {

    private static final ThreadLocal<Long> QUEUED_AT = new ThreadLocal<>();

    public ArrivalStampingExecutor(String name, int minSpareThreads, int maxThreads, int maxQueueCapacity) {
        this(new TaskQueue(maxQueueCapacity), name, minSpareThreads, maxThreads);
    }

    private ArrivalStampingExecutor(TaskQueue queue, String name, int minSpareThreads, int maxThreads) {
        super(minSpareThreads, maxThreads, 60, TimeUnit.SECONDS, queue, new TaskThreadFactory(name + "-exec-", true,
                Thread.NORM_PRIORITY));
        queue.setParent(this);
    }

    @Override
    public void execute(Runnable task) {
        long queuedAt = System.nanoTime();
        super.execute(() -> {
            QUEUED_AT.set(queuedAt);
            try {
                task.run();
            } finally {
                QUEUED_AT.remove();
            }
        });
    }

    /**
     * When the task this thread runs was handed to the pool (System.nanoTime), once: a second request read in the
     * same task (a pipelined one) arrived later, so it gets -1 and counts from when it is seen.
     */
    public static long takeQueuedAtNanos() {
        Long queuedAt = QUEUED_AT.get();
        QUEUED_AT.remove();
        return queuedAt == null ? -1 : queuedAt;
    }
}
