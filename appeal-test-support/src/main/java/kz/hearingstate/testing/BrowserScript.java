package kz.hearingstate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A browser test's node script ({@code src/test/browser/*.test.mjs}): it drives Debian's headless chromium
 * ({@code /usr/bin/chromium}, installed by scripts/ci-tools.sh) with playwright-core, pinned by the directory's
 * package-lock.json. A script that talks with its test while it runs starts its own process after
 * {@link #installDependencies}; one that runs to its end alone goes through {@link #run}.
 *
 * @param exitCode the script's exit code, -1 when it did not finish in time (it is then killed)
 * @param output   what it printed, standard output and error interleaved
 */
public record BrowserScript(int exitCode, String output) {

    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);

    /**
     * {@code npm ci} in {@code directory}, unless its node_modules already hold playwright-core: the first run
     * installs from the lock file, later runs reuse it.
     */
    public static void installDependencies(Path directory) {
        if (Files.isDirectory(directory.resolve("node_modules/playwright-core"))) {
            return;
        }
        BrowserScript install = execute(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile()),
                NPM_CI_TIMEOUT);
        if (install.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + directory + " failed (exit " + install.exitCode() + "):\n"
                    + install.output());
        }
    }

    /** Installs the dependencies, then runs {@code node <script>} in {@code directory} with these variables. */
    public static BrowserScript run(Path directory, String script, Map<String, String> environment, Duration timeout) {
        installDependencies(directory);
        ProcessBuilder node = new ProcessBuilder("node", script).directory(directory.toFile());
        node.environment().putAll(environment);
        return execute(node, timeout);
    }

    private static BrowserScript execute(ProcessBuilder builder, Duration timeout) {
        Path log = null;
        try {
            // Output goes to a file, read at the end: a chatty script must never block on a full pipe.
            log = Files.createTempFile("browser-script-", ".log");
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new BrowserScript(finished ? process.exitValue() : -1,
                    new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }
}
