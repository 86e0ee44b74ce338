package kz.hearingstate.performance.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the load generator saw for every submission: the HTTP status (0 when no response came), the
 * response time and, for a 202, the appealId. Gatling instantiates simulations itself, so the running
 * simulation writes here and the benchmark reads it after the run.
 */
public final class SubmissionLog {

    /** One request. {@code appealId} is null unless the answer was 202 with a body. */
    public record Submission(String appealId, int status, long responseTimeMillis, long completedAtMillis) {
        public boolean accepted() {
            return status == 202 && appealId != null;
        }
    }

    private static final ConcurrentLinkedQueue<Submission> CURRENT = new ConcurrentLinkedQueue<>();

    private SubmissionLog() {
    }

    public static void record(Submission submission) {
        CURRENT.add(submission);
    }

    /** Everything recorded since the last drain, and starts a new log. */
    public static List<Submission> drain() {
        List<Submission> all = new ArrayList<>();
        Submission next;
        while ((next = CURRENT.poll()) != null) {
            all.add(next);
        }
        return all;
    }
}
