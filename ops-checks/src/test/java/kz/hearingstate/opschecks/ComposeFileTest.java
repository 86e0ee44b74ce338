package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * docker-compose.yml as Debian's docker-compose 1.29 renders it: valid with the example env file, in the
 * default and the `ha` profile, refusing to start without secrets, and shaped for production.
 */
class ComposeFileTest {

    static final String EXAMPLE_ENV = "docker/env/compose.env.example";
    static final String HA_ENV = "docker/env/ha.env";
    static final List<String> SERVICES =
            List.of("intake-service", "routing-service", "notification-service", "analytics-service");
    static final List<String> DEPARTMENTS = List.of("housing-utilities", "roads-transport", "education", "health",
            "social-protection", "land-construction", "agriculture", "public-order", "anti-corruption", "akim-office");
    static final List<String> SECRETS = Stream.of(
            Stream.of("WEB_PORTAL_KEY_SHA256", "ROUTING_ADMIN_KEY_SHA256", "ROUTING_DEPARTMENT_KEYS_JSON",
                    "NOTIFICATION_OPERATOR_KEY_SHA256", "GRAFANA_ADMIN_PASSWORD", "KAFKA_ADMIN_PASSWORD", "MONGO_ROOT_PASSWORD",
                    "CITIZEN_ACCESS_KEY"),
            Stream.of("intake", "routing", "notification", "analytics").map(ComposeFileTest::kafkaPasswordOf),
            DEPARTMENTS.stream().map(ComposeFileTest::kafkaPasswordOf),
            Stream.of("backup", "dead-letters").map(ComposeFileTest::kafkaPasswordOf),
            Stream.of("INTAKE", "ROUTING", "NOTIFICATION", "ANALYTICS").map(service -> "MONGO_" + service + "_PASSWORD"))
            .flatMap(secrets -> secrets).toList();
    /** The Kafka settings every service reads through appeal-messaging rather than its application.yml. */
    static final String KAFKA_SECURITY_SETTINGS =
            "appeal-messaging/src/main/java/kz/hearingstate/messaging/KafkaSecuritySettings.java";

    static String kafkaPasswordOf(String principal) {
        return "KAFKA_PASSWORD_" + principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    static Path compose;
    static Map<String, Object> singleBroker;
    static Map<String, Object> highAvailability;

    @TempDir
    static Path temp;

    @BeforeAll
    static void renderBothProfiles() throws IOException {
        compose = ExternalTool.require("docker-compose");
        singleBroker = render(Repository.file(EXAMPLE_ENV), List.of());
        Path haEnv = temp.resolve("ha.env");
        Files.writeString(haEnv, Repository.read(EXAMPLE_ENV) + "\n" + Repository.read(HA_ENV));
        highAvailability = render(haEnv, List.of("--profile", "ha"));
    }

    @Test
    void givenTheExampleEnvFile_whenValidatedQuietly_thenComposeAcceptsIt() {
        ExternalTool.Result result = ExternalTool.run(List.of(compose.toString(), "--env-file", EXAMPLE_ENV, "config", "-q"));

        assertThat(result.succeeded()).as(result.output()).isTrue();
    }

    @ParameterizedTest
    @FieldSource("SECRETS")
    void givenOneSecretIsUnset_whenComposeRenders_thenItRefusesAndNamesThatSecret(String secret) throws IOException {
        String withoutSecret = Repository.read(EXAMPLE_ENV).lines()
                .filter(line -> !line.startsWith(secret + "="))
                .collect(Collectors.joining("\n"));
        Path envFile = Files.writeString(temp.resolve(secret + ".env"), withoutSecret);

        ExternalTool.Result result = ExternalTool.run(Map.of(secret, ""),
                List.of(compose.toString(), "--env-file", envFile.toString(), "config", "-q"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("set " + secret + " in .env");
    }

    @Test
    void givenEverySecretOfTheComposeFile_thenTheExampleEnvFileDocumentsIt() {
        List<String> required = Stream.of(Repository.read("docker-compose.yml").split("\\$\\{"))
                .skip(1)
                .filter(expression -> expression.matches("(?s)[A-Z0-9_]+:\\?.*"))
                .map(expression -> expression.substring(0, expression.indexOf(':')))
                .distinct()
                .toList();

        assertThat(required).containsExactlyInAnyOrderElementsOf(SECRETS);
    }

    @Test
    void givenTheRenderedServices_thenNoneHasAFixedContainerName_andRoutingPublishesNoFixedHostPortAndOnLoopbackOnly() {
        for (Map<String, Object> rendered : List.of(singleBroker, highAvailability)) {
            services(rendered).forEach((name, service) ->
                    assertThat(map(service)).as(name).doesNotContainKey("container_name"));
        }
        // Rendered short: "127.0.0.1::8082/tcp", the host port left empty (ephemeral) and the host's loopback only:
        // the workbench and the department API are for the compose network's TLS proxy, not the akimat's network.
        Map<String, Object> routing = service(singleBroker, "routing-service");
        assertThat(list(routing.get("ports"))).isNotEmpty().allSatisfy(port ->
                assertThat(String.valueOf(port)).startsWith("127.0.0.1::"));
        assertThat(map(routing.get("environment"))).containsEntry("WORKBENCH_SECURE_COOKIE", "true");
    }

    @Test
    void givenTheFourServices_thenActuatorIsOnAManagementPortThatNoneOfThemPublishes() {
        int management = managementPort();
        for (Map<String, Object> rendered : List.of(singleBroker, highAvailability)) {
            for (String name : SERVICES) {
                Map<String, Object> service = service(rendered, name);
                assertThat(map(service.get("environment")).get("MANAGEMENT_SERVER_PORT")).as(name).isEqualTo(String.valueOf(management));
                assertThat(management).as(name).isNotEqualTo(ServiceBindings.port(name));
                // Short ("127.0.0.1:8083:8083/tcp") or long syntax ({target=8082, ...}): neither names the port.
                assertThat(list(service.get("ports"))).as(name).allSatisfy(port ->
                        assertThat(String.valueOf(port)).doesNotContain(String.valueOf(management)));
                assertThat(list(map(service.get("healthcheck")).get("test")).toString()).as(name).contains("MANAGEMENT_SERVER_PORT");
            }
        }
    }

    /** Where every service's actuator listens in compose (and in the Kubernetes manifests): the services' shared environment. */
    static int managementPort() {
        Map<String, Object> file = Repository.yaml(Repository.read("docker-compose.yml"));
        return Integer.parseInt(String.valueOf(map(file.get("x-service-environment")).get("MANAGEMENT_SERVER_PORT")));
    }

    @Test
    void givenTheFourServices_thenEachIsBuiltFromTheOneDockerfileWithItsNameAndPort_andReachesKafkaAndMongoFromTheEnvironment() {
        for (String name : SERVICES) {
            Map<String, Object> service = service(singleBroker, name);
            Map<String, Object> build = map(service.get("build"));
            assertThat(Path.of((String) build.get("context"))).as(name).isEqualTo(Repository.ROOT);
            assertThat(build.get("dockerfile")).as(name).isIn(null, "Dockerfile");
            assertThat(map(build.get("args"))).as(name)
                    .containsEntry("SERVICE", name).containsEntry("PORT", String.valueOf(ServiceBindings.port(name)));

            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).as(name).isEqualTo("kafka-1:9092");
            assertThat((String) environment.get("MONGODB_URI")).as(name).contains("replicaSet=rs0");
            assertThat(environment.get("KAFKA_REPLICATION_FACTOR")).as(name).isEqualTo("1");
        }
    }

    @Test
    void givenEachServicesEnvironment_thenEveryVariableIsOneTheServiceReads_andItsPortIsTheServicesPort() {
        for (String name : SERVICES) {
            Map<String, Object> environment = map(service(singleBroker, name).get("environment"));
            String applicationYml = Repository.read(name + "/src/main/resources/application.yml");
            String kafkaSecurity = Repository.read(KAFKA_SECURITY_SETTINGS);
            for (String variable : environment.keySet()) {
                boolean springProperty = variable.matches("(SPRING|MANAGEMENT|SERVER)_[A-Z0-9_]+");
                boolean placeholder = applicationYml.contains("${" + variable + ":") || applicationYml.contains("${" + variable + "}");
                boolean kafkaCredential = kafkaSecurity.contains("\"" + variable + "\"");
                assertThat(springProperty || placeholder || kafkaCredential || variable.equals("TZ"))
                        .as("%s sets %s, which its application.yml does not read", name, variable).isTrue();
            }
            assertThat(environment.get("PORT")).as(name).isEqualTo(ServiceBindings.port(name));
        }
    }

    @Test
    void givenTheFourServices_thenEachHasAnActuatorHealthCheck_aMemoryLimit_andWaitsForTopicsAndMongo() {
        for (String name : SERVICES) {
            Map<String, Object> service = service(singleBroker, name);
            assertThat(String.join(" ", stringList(map(service.get("healthcheck")).get("test"))))
                    .as(name).contains("/actuator/health");
            assertThat(service.get("mem_limit")).as(name).isNotNull();
            assertThat(map(map(map(service.get("deploy")).get("resources")).get("limits")).get("memory"))
                    .as(name).isEqualTo(service.get("mem_limit"));
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            assertThat(map(dependsOn.get("kafka-init")).get("condition")).isEqualTo("service_completed_successfully");
            assertThat(map(dependsOn.get("mongodb")).get("condition")).isEqualTo("service_healthy");
        }
    }

    @Test
    void givenEveryContainer_thenItsLogsRotate_andTheFourServicesRunWithoutCapabilitiesOrPrivilegeGain() {
        services(highAvailability).forEach((name, service) -> {
            Map<String, Object> logging = map(map(service).get("logging"));
            assertThat(map(logging.get("options"))).as(name).containsKeys("max-size", "max-file");
        });
        for (String name : SERVICES) {
            Map<String, Object> service = service(singleBroker, name);
            assertThat(stringList(service.get("cap_drop"))).as(name).containsExactly("ALL");
            assertThat(stringList(service.get("security_opt"))).as(name).contains("no-new-privileges:true");
        }
    }

    @Test
    void givenTheDefaultProfile_thenOneKRaftBrokerRunsWithoutTopicAutoCreation_andReplicationFactorOne() {
        // docker-compose 1.29 renders every service; those with `profiles` start only when a profile names them.
        assertThat(service(singleBroker, "kafka-1")).doesNotContainKey("profiles");
        assertThat(stringList(service(singleBroker, "kafka-2").get("profiles"))).containsExactly("ha");
        assertThat(stringList(service(singleBroker, "kafka-3").get("profiles"))).containsExactly("ha");
        services(singleBroker).forEach((name, service) -> {
            if (!name.equals("kafka-2") && !name.equals("kafka-3")) {
                assertThat(map(service)).as(name + " runs in every profile").doesNotContainKey("profiles");
            }
        });
        Map<String, Object> broker = service(singleBroker, "kafka-1");
        assertThat(broker.get("image")).isEqualTo("apache/kafka:4.1.2");
        Map<String, Object> environment = map(broker.get("environment"));
        assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093");
    }

    @Test
    void givenTheHaProfile_thenThreeBrokersFormTheQuorum_withReplicationFactorThreeAndMinInsyncReplicasTwo() {
        for (String name : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> environment = map(service(highAvailability, name).get("environment"));
            assertThat(environment).as(name)
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                    .containsEntry("KAFKA_ADVERTISED_LISTENERS", "CLIENTS://" + name + ":9092");
        }
        assertThat(map(service(highAvailability, "kafka-init").get("environment")))
                .containsEntry("KAFKA_REPLICATION_FACTOR", "3")
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
        for (String name : SERVICES) {
            assertThat(map(service(highAvailability, name).get("environment"))).as(name)
                    .containsEntry("KAFKA_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        }
    }

    @Test
    void givenEveryBrokerOfBothProfiles_thenEachListenerAuthenticates_andTheAuthorizerDeniesWhatNoAclAllows() {
        for (var rendered : List.of(Map.entry(singleBroker, List.of("kafka-1")),
                Map.entry(highAvailability, List.of("kafka-1", "kafka-2", "kafka-3")))) {
            for (String name : rendered.getValue()) {
                Map<String, Object> environment = map(service(rendered.getKey(), name).get("environment"));
                assertThat(environment).as(name)
                        .containsEntry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                        .containsEntry("KAFKA_LISTENER_NAME_CLIENTS_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512,PLAIN")
                        .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                        .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                        .containsEntry("KAFKA_SUPER_USERS", "User:admin");
                assertThat((String) environment.get("KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG")).as(name)
                        .contains("user_admin=").doesNotContain("user_intake");
                assertThat(String.join(" ", stringList(map(service(rendered.getKey(), name).get("healthcheck")).get("test"))))
                        .contains("--command-config");
            }
        }
    }

    @Test
    void givenTheFourServices_thenEachSignsInToKafkaAndMongoAsItsOwnUser() {
        for (String name : SERVICES) {
            String principal = name.substring(0, name.indexOf('-'));
            Map<String, Object> environment = map(service(singleBroker, name).get("environment"));
            assertThat(environment).as(name).containsEntry("KAFKA_SASL_USERNAME", principal)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsKey("KAFKA_SASL_PASSWORD");
            assertThat((String) environment.get("MONGODB_URI")).as(name)
                    .startsWith("mongodb://" + principal + ":")
                    .contains("@mongodb:27017/" + principal + "?")
                    .contains("authSource=" + principal);
        }
        Map<String, Object> init = map(service(singleBroker, "kafka-init").get("environment"));
        for (String principal : KafkaAclListTest.ACLS.stream().map(KafkaAclListTest.Acl::principal).distinct().toList()) {
            assertThat(init).as("kafka-init creates the user of %s", principal).containsKey(kafkaPasswordOf(principal));
        }
    }

    @Test
    void givenMongoDb_thenAuthenticationIsOn_withARootUserAndOneUserPerServiceOnItsOwnDatabase() {
        Map<String, Object> mongodb = service(singleBroker, "mongodb");
        assertThat(map(mongodb.get("environment"))).containsKeys("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD",
                "MONGO_INTAKE_PASSWORD", "MONGO_ROUTING_PASSWORD", "MONGO_NOTIFICATION_PASSWORD", "MONGO_ANALYTICS_PASSWORD");
        assertThat(stringList(mongodb.get("command"))).containsSequence("--keyFile", "/data/db/replica-set.key");
        assertThat(String.join(" ", stringList(mongodb.get("volumes"))))
                .contains("docker/mongo/create-service-users.js:/docker-entrypoint-initdb.d/create-service-users.js");
        String users = Repository.read("docker/mongo/create-service-users.js");
        assertThat(users).contains("role: 'readWrite', db: service").doesNotContain("AnyDatabase").doesNotContain("role: 'root'");
    }

    @Test
    void givenMongoDb_thenItRunsVersion8AsAReplicaSetThatItsHealthCheckInitiates() {
        Map<String, Object> mongodb = service(singleBroker, "mongodb");
        assertThat(mongodb.get("image")).isEqualTo("mongo:8");
        assertThat(stringList(mongodb.get("command"))).containsSequence("--replSet", "rs0");
        assertThat(String.join(" ", stringList(map(mongodb.get("healthcheck")).get("test"))))
                .contains("rs.initiate({_id: 'rs0'");
    }

    @Test
    void givenTheTopicInitStep_thenItRunsTheRepositoryScriptWithTheTopicList() {
        Map<String, Object> init = service(singleBroker, "kafka-init");
        assertThat(init.get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat(String.join(" ", stringList(init.get("entrypoint"))))
                .contains("/etc/hearing/create-topics.sh").contains("/etc/hearing/create-users-and-acls.sh");
        assertThat(String.join(" ", stringList(init.get("volumes"))))
                .contains("docker/kafka/create-topics.sh:/etc/hearing/create-topics.sh")
                .contains("docker/kafka/topics.txt:/etc/hearing/topics.txt")
                .contains("docker/kafka/create-users-and-acls.sh:/etc/hearing/create-users-and-acls.sh")
                .contains("docker/kafka/acls.txt:/etc/hearing/acls.txt");
    }

    @Test
    void givenTheMonitoringServices_thenPrometheusLoadsTheRules_GrafanaIsProvisioned_andMailIsCaught() {
        assertThat(String.join(" ", stringList(service(singleBroker, "prometheus").get("volumes"))))
                .contains("docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml")
                .contains("docker/prometheus/rules:/etc/prometheus/rules");
        assertThat(String.join(" ", stringList(service(singleBroker, "grafana").get("volumes"))))
                .contains("docker/grafana/provisioning:/etc/grafana/provisioning")
                .contains("docker/grafana/dashboards:/var/lib/grafana/dashboards");
        assertThat((String) service(singleBroker, "mailpit").get("image")).startsWith("axllent/mailpit");
        assertThat(map(service(singleBroker, "notification-service").get("environment")))
                .containsEntry("SMTP_HOST", "mailpit");
    }

    private static Map<String, Object> render(Path envFile, List<String> profile) {
        List<String> command = new ArrayList<>(List.of(compose.toString(), "--env-file", envFile.toString()));
        command.addAll(profile);
        command.add("config");
        ExternalTool.Result result = ExternalTool.run(command);
        assertThat(result.succeeded()).as(result.output()).isTrue();
        return Repository.yaml(result.output());
    }

    private static Map<String, Object> services(Map<String, Object> rendered) {
        return map(rendered.get("services"));
    }

    private static Map<String, Object> service(Map<String, Object> rendered, String name) {
        Map<String, Object> services = services(rendered);
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static List<String> stringList(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
