package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * A child process the stack started: its output goes to one log file, and {@link #close()} stops it
 * (SIGTERM, then SIGKILL after a grace period), including anything it started itself.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(20);

    /**
     * Ctrl-C in a terminal signals the whole foreground process group at once. Children started in
     * their own session (util-linux setsid, which execs in place, so the pid stays the child's) are
     * out of its reach, and the launcher's shutdown hook stops them one by one, in reverse order.
     */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** Every child still running, in start order: what a launcher stops when it is told to exit. */
    private static final Deque<ManagedProcess> RUNNING = new ConcurrentLinkedDeque<>();

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} with {@code environment} added to this process's own environment. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            List<String> inOwnSession = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                inOwnSession.add(SETSID.toString());
            }
            inOwnSession.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(inOwnSession)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            ManagedProcess started = new ManagedProcess(name, builder.start(), logFile);
            RUNNING.push(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the tail of the log when the process has already exited, so a crash is explained. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new StackStartupException(name + " exited with code " + process.exitValue()
                    + " (log: " + logFile + "). Last lines:\n" + tailOfLog(40));
        }
    }

    /** Waits for a short-lived process (a tool) to finish; kills it and fails if it takes too long. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new StackStartupException(name + " did not finish within " + timeout.toSeconds()
                        + " s (log: " + logFile + ")");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new StackStartupException("Interrupted while waiting for " + name, e);
        }
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String tailOfLog(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops every child this JVM started and has not stopped yet, last started first. For a launcher's
     * shutdown hook: Ctrl-C during start-up must not leave a broker or a service behind.
     */
    public static void stopAllStillRunning() {
        for (ManagedProcess running = RUNNING.peek(); running != null; running = RUNNING.peek()) {
            running.close();
        }
    }

    /** SIGTERM so the child can shut down cleanly (flush, leave its group), SIGKILL if it hangs. */
    @Override
    public void close() {
        RUNNING.remove(this);
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
