package kz.hearingstate.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.ManagedProcess;
import kz.hearingstate.localstack.StackService;
import kz.hearingstate.localstack.StackSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once for every test class of this module: a real Kafka broker (KRaft, SASL, the
 * ACLs), the MongoDB-wire server and the four service jars, each its own process on free ports, started by the
 * same classes as {@code ./run.sh}, with notification's embedded SMTP server as the dev mailbox. Start-up is the
 * expensive part (about a minute and a half on 2 cores), so the classes share one stack: a test class takes it
 * as a constructor parameter ({@code @ExtendWith(WholePlatform.class)}), and it stops when the test run ends.
 * The tests therefore never assume an empty platform: each looks at its own appeals, or at differences.
 */
final class WholePlatform implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WholePlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store outlives every class, and closes what it holds when the run ends.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> Running.start(), Running.class)
                .stack();
    }

    /** The started stack, and the hook that stops it if Failsafe has to kill this JVM. */
    private record Running(LocalStack stack, Thread stopOnJvmExit) implements AutoCloseable {

        static Running start() {
            Path root = Path.of(System.getProperty("hearing.root", "..")).toAbsolutePath().normalize();
            Path kafkaLibraries = Path.of(System.getProperty("hearing.kafka-libs", "../local-stack/target/kafka-libs"));
            assertThat(kafkaLibraries).as("the broker's class path, built by local-stack (./mvnw -B -pl local-stack package)")
                    .isDirectory();
            Path dataDirectory;
            try {
                // Under target/, like the fault suite's: the logs stay beside the reports, and a clean removes them.
                Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
                dataDirectory = Files.createTempDirectory(target, "e2e-stack-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int smtpPort = StackSettings.freePort();
            StackSettings settings = StackSettings.onFreePorts(root, dataDirectory, kafkaLibraries)
                    .withServiceArguments(StackService.NOTIFICATION, List.of(
                            "--hearing.notification.embedded-smtp.enabled=true",
                            "--hearing.notification.embedded-smtp.port=" + smtpPort,
                            "--spring.mail.port=" + smtpPort))
                    // The journey judges no timing, and a busy CI machine can make the cold fast-start stack's first
                    // reservation of a key take longer than intake's 1.2 s to answer under overload.
                    .withServiceArguments(StackService.INTAKE, List.of("--hearing.intake.admission.answer-within=10s"));
            // Failsafe may kill this JVM on timeout, even during start-up: the children must not outlive it.
            Thread stopOnJvmExit = new Thread(ManagedProcess::stopAllStillRunning, "e2e-stack-stop");
            Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
            Instant begin = Instant.now();
            LocalStack stack = LocalStack.start(settings, line -> System.out.println("[stack] " + line));
            System.out.println("[stack] up in " + Duration.between(begin, Instant.now()).toSeconds() + " s");
            return new Running(stack, stopOnJvmExit);
        }

        @Override
        public void close() {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        }
    }
}
