package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The local stack's Kafka passwords: random at first start, kept under {@code data/} (never committed),
 * and written per principal as client files in {@code data/kafka-clients/}:
 * <ul>
 *   <li>{@code <principal>.properties} for kcat (librdkafka: {@code sasl.mechanisms}, {@code sasl.username},
 *       {@code sasl.password}; kcat refuses Java's {@code sasl.jaas.config});</li>
 *   <li>{@code <principal>.java.properties} for Kafka's own tools ({@code --command-config},
 *       {@code --consumer.config}) and any Java client: {@code sasl.mechanism} and {@code sasl.jaas.config}.</li>
 * </ul>
 * Java clients (the services, Kafka's tools) sign in with SCRAM-SHA-512, whose credentials the broker keeps
 * in its metadata. The super user {@value #ADMIN} signs in with SASL/PLAIN, checked against the broker's
 * own configuration, because it must work before any SCRAM credential exists (the broker uses it to talk to
 * itself). The kcat files use PLAIN too, with the same password: librdkafka before 2.6.1 (the kcat of
 * Debian 12 links 2.0.2) sends a SCRAM nonce that Kafka 4 rejects (librdkafka#4895). PLAIN sends the
 * password itself, which is acceptable on loopback only; production uses SASL_SSL (docs/security.md).
 */
public final class KafkaCredentials {

    /** The super user: the broker itself, the launcher, ops and the tests' observers. */
    public static final String ADMIN = "admin";
    static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    static final String SCRAM = "SCRAM-SHA-512";
    static final String PLAIN = "PLAIN";

    private final Path clientDirectory;
    private final Map<String, String> passwords;

    private KafkaCredentials(Path clientDirectory, Map<String, String> passwords) {
        this.clientDirectory = clientDirectory;
        this.passwords = Map.copyOf(passwords);
    }

    /**
     * The passwords of {@code principals} and of {@link #ADMIN}: those already in {@code data/kafka-clients/}
     * are kept, the others are made up now (192 random bits each).
     */
    public static KafkaCredentials loadOrCreate(Path dataDirectory, Collection<String> principals) {
        Path directory = dataDirectory.resolve("kafka-clients");
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ADMIN, existingOrNew(directory, ADMIN));
        for (String principal : principals) {
            passwords.put(principal, existingOrNew(directory, principal));
        }
        return new KafkaCredentials(directory, passwords);
    }

    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka principal " + principal);
        }
        return password;
    }

    public Collection<String> principals() {
        return passwords.keySet();
    }

    /** Everything a Java client of {@code principal} needs besides its serializers. */
    public Map<String, Object> clientConfig(String principal, String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL);
        config.put(SaslConfigs.SASL_MECHANISM, mechanismOf(principal));
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(principal));
        return config;
    }

    /** The settings a service reads (appeal-messaging's KafkaSecuritySettings) to sign in as {@code principal}. */
    public Map<String, String> serviceEnvironment(String principal) {
        return Map.of("KAFKA_SECURITY_PROTOCOL", SECURITY_PROTOCOL, "KAFKA_SASL_MECHANISM", mechanismOf(principal),
                "KAFKA_SASL_USERNAME", principal, "KAFKA_SASL_PASSWORD", password(principal));
    }

    /** {@code data/kafka-clients/<principal>.properties}, for {@code kcat -F}. */
    public Path kcatFile(String principal) {
        return clientDirectory.resolve(principal + ".properties");
    }

    /** {@code data/kafka-clients/<principal>.java.properties}, for Kafka's tools and Java clients. */
    public Path javaFile(String principal) {
        return clientDirectory.resolve(principal + ".java.properties");
    }

    /** (Re)writes both client files of every principal, readable by the owner only where the file system allows. */
    public void writeClientFiles(String bootstrapServers) {
        try {
            Files.createDirectories(clientDirectory);
            for (String principal : passwords.keySet()) {
                SecretFiles.write(kcatFile(principal), String.join("\n",
                        "# kcat -F " + kcatFile(principal).getFileName() + " ...  (written by the local stack at every start)",
                        "# PLAIN, not SCRAM: librdkafka before 2.6.1 cannot do SCRAM with Kafka 4. Loopback only.",
                        "bootstrap.servers=" + bootstrapServers,
                        "security.protocol=" + SECURITY_PROTOCOL,
                        "sasl.mechanisms=" + PLAIN,
                        "sasl.username=" + principal,
                        "sasl.password=" + password(principal), ""));
                SecretFiles.write(javaFile(principal), String.join("\n",
                        "# Kafka's tools: --command-config / --consumer.config / --producer.config this file",
                        "bootstrap.servers=" + bootstrapServers,
                        "security.protocol=" + SECURITY_PROTOCOL,
                        "sasl.mechanism=" + mechanismOf(principal),
                        "sasl.jaas.config=" + jaasConfig(principal).replace("\\", "\\\\"), ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The broker's PLAIN login: the super user's own credentials (the broker signs in to itself as it) and
     * every principal's password, for the super user and for kcat.
     */
    String brokerPlainJaasConfig() {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + ADMIN + "\" password=\"" + password(ADMIN) + "\"");
        passwords.forEach((principal, password) -> jaas.append(" user_").append(principal).append("=\"").append(password).append('"'));
        return jaas.append(';').toString();
    }

    /** The controller listener's PLAIN login: the super user alone. */
    String controllerPlainJaasConfig() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN + "\" password=\""
                + password(ADMIN) + "\" user_" + ADMIN + "=\"" + password(ADMIN) + "\";";
    }

    private String mechanismOf(String principal) {
        return ADMIN.equals(principal) ? PLAIN : SCRAM;
    }

    private String jaasConfig(String principal) {
        String module = ADMIN.equals(principal) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + principal + "\" password=\"" + password(principal) + "\";";
    }

    private static String existingOrNew(Path directory, String principal) {
        Path file = directory.resolve(principal + ".properties");
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String password = properties.getProperty("sasl.password", "");
            if (!password.isBlank()) {
                return password;
            }
        }
        return SecretFiles.randomToken(24);
    }
}
