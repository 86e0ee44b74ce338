package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools the checks rely on (docker-compose, promtool, dockerfilelint).
 *
 * <p>A missing tool fails the check instead of skipping it, so CI can never pass without having checked;
 * scripts/ci-tools.sh installs every tool (CI runs it before the build).
 */
final class ExternalTool {

    private static final long TIMEOUT_SECONDS = 180;

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The tool's path on PATH; fails with the install hint when it is missing. */
    static Path require(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir).resolve(command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("'%s' is not on PATH. Run `bash scripts/ci-tools.sh` (CI runs it before `./mvnw verify`) "
                + "to install the tools the ops checks use.", command);
    }

    /** Runs a command from the repository root, with extra environment variables; output and errors merged. */
    static Result run(Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(Repository.ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Path output = Files.createTempFile("ops-check-", ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("%s did not finish within %d s", command, TIMEOUT_SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(List<String> command) {
        return run(Map.of(), command);
    }

    /**
     * A stand-in for the apache/kafka image's {@code bin/<name>}: a shell script in {@code bin} that runs the
     * same tool class ({@code mainClass}) from this test's classpath.
     */
    static void javaScript(Path bin, String name, String mainClass) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String script = """
                #!/bin/sh
                exec "%s" -XX:TieredStopAtLevel=1 -Xshare:auto -cp "%s" %s "$@"
                """.formatted(java, System.getProperty("java.class.path"), mainClass);
        Path file = bin.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ExternalTool() {
    }
}
