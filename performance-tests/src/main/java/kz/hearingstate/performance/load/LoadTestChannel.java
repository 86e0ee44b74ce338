package kz.hearingstate.performance.load;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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

    /**
     * {@code settings} with this channel configured into intake, and notification sending its e-mail to a mail server
     * outside its process ({@link MailSink}) instead of running the embedded one: what a benchmark measures.
     */
    public StackSettings configure(StackSettings settings, MailSink mail) {
        StackSettings configured = configure(settings);
        Map<StackService, List<String>> arguments = new EnumMap<>(configured.serviceArguments());
        arguments.put(StackService.NOTIFICATION, Stream.concat(
                arguments.getOrDefault(StackService.NOTIFICATION, List.of()).stream()
                        .filter(argument -> !argument.startsWith(EMBEDDED_SMTP) && !argument.startsWith(MAIL_PORT)),
                Stream.of(EMBEDDED_SMTP + "enabled=false", MAIL_PORT + mail.port())).toList());
        StackSettings s = configured;
        return new StackSettings(s.repositoryRoot(), s.dataDirectory(), s.kafkaLibraries(), s.javaExecutable(),
                s.kafkaPort(), s.kafkaControllerPort(), s.mongoPort(), s.servicePorts(), s.externalKafka(),
                s.externalMongo(), arguments, s.serviceJvmOptions(), s.startupTimeout(), s.shape());
    }

    private static final String EMBEDDED_SMTP = "--hearing.notification.embedded-smtp.";
    private static final String MAIL_PORT = "--spring.mail.port=";

    /** The embedded SMTP server and the mail sender on the same free port (the default 2525 may be taken). */
    private static List<String> smtpOnFreePort() {
        int port = StackSettings.freePort();
        return List.of(EMBEDDED_SMTP + "enabled=true", EMBEDDED_SMTP + "port=" + port, MAIL_PORT + port);
    }

    /** {@code settings} with other JVM options for the services. */
    public static StackSettings withJvmOptions(StackSettings s, List<String> jvmOptions) {
        return new StackSettings(s.repositoryRoot(), s.dataDirectory(), s.kafkaLibraries(), s.javaExecutable(),
                s.kafkaPort(), s.kafkaControllerPort(), s.mongoPort(), s.servicePorts(), s.externalKafka(),
                s.externalMongo(), s.serviceArguments(), jvmOptions, s.startupTimeout(), s.shape());
    }
}
