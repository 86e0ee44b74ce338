package kz.hearingstate.performance.load;

import java.util.List;
import java.util.UUID;

import kz.hearingstate.localstack.StackService;
import kz.hearingstate.localstack.StackSettings;
import kz.hearingstate.web.Hashing;

/**
 * The channel load and fault tests submit through: a fresh API key per run, configured into intake
 * (hashed, as intake keeps every key) with a rate limit high enough that the limit is never what is
 * measured. Notification gets its embedded SMTP server on a free port, so e-mails are really sent.
 */
public final class LoadTestChannel {

    public static final String CHANNEL = "load-test";

    private final String apiKey = "load-test-" + UUID.randomUUID();

    public String apiKey() {
        return apiKey;
    }

    /** {@code settings} with this channel configured into intake and the embedded SMTP server enabled. */
    public StackSettings configure(StackSettings settings) {
        return settings
                .withServiceArguments(StackService.INTAKE, List.of(
                        "--hearing.web.security.keys.channel." + CHANNEL + "=" + Hashing.sha256Hex(apiKey),
                        "--hearing.intake.channels." + CHANNEL + ".rate-limit.capacity=1000000",
                        "--hearing.intake.channels." + CHANNEL + ".rate-limit.refill-per-second=1000000"))
                .withServiceArguments(StackService.NOTIFICATION, smtpOnFreePort());
    }

    /** The embedded SMTP server and the mail sender on the same free port (the default 2525 may be taken). */
    private static List<String> smtpOnFreePort() {
        int port = StackSettings.freePort();
        return List.of("--hearing.notification.embedded-smtp.enabled=true",
                "--hearing.notification.embedded-smtp.port=" + port, "--spring.mail.port=" + port);
    }

    /** {@code settings} with other JVM options for the services. */
    public static StackSettings withJvmOptions(StackSettings s, List<String> jvmOptions) {
        return new StackSettings(s.repositoryRoot(), s.dataDirectory(), s.kafkaLibraries(), s.javaExecutable(),
                s.kafkaPort(), s.kafkaControllerPort(), s.mongoPort(), s.servicePorts(), s.externalKafka(),
                s.externalMongo(), s.serviceArguments(), jvmOptions, s.startupTimeout(), s.shape());
    }
}
