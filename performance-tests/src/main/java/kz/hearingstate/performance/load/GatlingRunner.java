package kz.hearingstate.performance.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.gatling.app.Gatling$;

/**
 * Runs {@link AppealSubmissionSimulation} inside this JVM, so that what the simulation saw lands in
 * {@link SubmissionLog}. Gatling's HTML report is skipped: the benchmark writes its own. Every answer of a run is
 * also kept in {@code <run>.answers.csv} in the results directory (completed at, status, response time), to line a
 * slow answer up with what a process logged at that moment (its GC log, a JFR recording).
 */
public final class GatlingRunner {

    private final String baseUrl;
    private final String apiKey;
    private final Path resultsDirectory;

    public GatlingRunner(String baseUrl, String apiKey, Path resultsDirectory) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.resultsDirectory = resultsDirectory;
    }

    /** Open model: {@code rate} new submissions every second, whatever the server does. */
    public List<SubmissionLog.Submission> atFixedRate(String run, double rate, Duration duration) {
        System.clearProperty("bench.concurrency");
        System.setProperty("bench.rate", Double.toString(rate));
        return execute(run, duration);
    }

    /** Closed model: {@code users} submitting back to back; used only to find the maximum. */
    public List<SubmissionLog.Submission> withConcurrentUsers(String run, int users, Duration duration) {
        System.setProperty("bench.concurrency", Integer.toString(users));
        return execute(run, duration);
    }

    private List<SubmissionLog.Submission> execute(String run, Duration duration) {
        System.setProperty("bench.baseUrl", baseUrl);
        System.setProperty("bench.apiKey", apiKey);
        System.setProperty("bench.run", run);
        System.setProperty("bench.seconds", Long.toString(duration.toSeconds()));
        // A request still unanswered after 10 s counts as an error instead of stretching the run.
        System.setProperty("gatling.http.requestTimeout", "10000");
        SubmissionLog.drain();
        int status = Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", AppealSubmissionSimulation.class.getName(),
                "--results-folder", resultsDirectory.toAbsolutePath().toString(),
                "--run-description", run,
                "--no-reports"});
        if (status != 0) {
            throw new IllegalStateException("Gatling run " + run + " ended with status " + status);
        }
        List<SubmissionLog.Submission> answers = SubmissionLog.drain();
        keep(run, answers);
        return answers;
    }

    private void keep(String run, List<SubmissionLog.Submission> answers) {
        StringBuilder csv = new StringBuilder("completedAtMillis,status,responseTimeMillis\n");
        answers.forEach(a -> csv.append(a.completedAtMillis()).append(',').append(a.status()).append(',')
                .append(a.responseTimeMillis()).append('\n'));
        try {
            Files.createDirectories(resultsDirectory);
            Files.writeString(resultsDirectory.resolve(run.replaceAll("[^A-Za-z0-9.-]", "_") + ".answers.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
