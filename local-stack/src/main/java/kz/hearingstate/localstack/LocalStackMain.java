package kz.hearingstate.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run.sh [--demo] [--kafka-cluster] [--two-instances]}: starts the local stack in the current directory
 * (the repository root), prints where everything is, and stops everything on Ctrl-C.
 */
public final class LocalStackMain {

    static final String SAMPLE_APPEAL = "{\"type\":\"COMPLAINT\",\"language\":\"en\","
            + "\"text\":\"No water on Abai street in Uzynagash for three days: a pipe burst.\","
            + "\"citizen\":{\"fullName\":\"Demo Citizen\",\"email\":\"demo@example.com\",\"preferredContact\":\"EMAIL\"},"
            + "\"consentToDataProcessing\":true}";

    static final String DEMO = "--demo";
    static final String KAFKA_CLUSTER = "--kafka-cluster";
    static final String TWO_INSTANCES = "--two-instances";

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("usage: ./run.sh [--demo] [--kafka-cluster] [--two-instances]\n"
                    + "  --demo           submit a dozen sample appeals (kk/ru/en) and print where each went\n"
                    + "  --kafka-cluster  three Kafka KRaft nodes on 9092, 9192, 9292 (controllers 9093, 9193, 9293),\n"
                    + "                   replication factor 3, min.insync.replicas 2; data in data/kafka-1..3\n"
                    + "  --two-instances  a second instance of each service on 8091-8094, sharing the partitions\n"
                    + "  KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI: use that Kafka / MongoDB instead of starting one");
            return;
        }
        List<String> unknown = arguments.stream().filter(a -> !List.of(DEMO, KAFKA_CLUSTER, TWO_INSTANCES).contains(a)).toList();
        if (!unknown.isEmpty()) {
            System.err.println("Unknown argument(s): " + unknown + " (try --help)");
            System.exit(2);
        }

        Path root = Path.of(System.getProperty("hearing.root", ".")).toAbsolutePath().normalize();
        StackSettings settings = settingsFor(root, System.getenv(), arguments);
        PrintStream out = System.out;
        AtomicBoolean stopping = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<LocalStack> running = new java.util.concurrent.atomic.AtomicReference<>();
        // Registered before anything starts: Ctrl-C during start-up stops what already runs, too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println("\nStopping the local stack (services, then MongoDB, then Kafka) ...");
            // A started stack stops its Kafka nodes together (one by one, the last would wait for a lost quorum);
            // anything a failed or interrupted start-up left running is stopped one by one.
            java.util.Optional.ofNullable(running.get()).ifPresent(LocalStack::close);
            ManagedProcess.stopAllStillRunning();
            out.println("Stopped. Data kept in " + settings.dataDirectory());
        }, "local-stack-shutdown"));
        LocalStack stack;
        try {
            stack = LocalStack.start(settings, line -> out.println("  " + line));
            running.set(stack);
        } catch (StackStartupException e) {
            System.err.println("\nThe local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        printWhereEverythingIs(stack, out);
        if (arguments.contains(DEMO)) {
            try {
                DemoAppeals.run(new IntakeClient(stack.baseUrlOf(StackService.INTAKE), IntakeClient.DEMO_CHANNEL_KEY), out);
            } catch (RuntimeException e) {
                out.println("  The demo failed: " + e.getMessage());
            }
        }
        out.println("\nPress Ctrl-C to stop everything.");
        watch(stack, stopping, out);
    }

    /** The developer stack in the shape the options ask for. */
    static StackSettings settingsFor(Path root, java.util.Map<String, String> environment, List<String> arguments) {
        StackSettings settings = StackSettings.forDevelopment(root, environment);
        return settings.withShape(StackShape.forDevelopment(arguments.contains(KAFKA_CLUSTER),
                arguments.contains(TWO_INSTANCES), settings.kafkaPort(), settings.kafkaControllerPort()));
    }

    static void printWhereEverythingIs(LocalStack stack, PrintStream out) {
        StackSettings settings = stack.settings();
        String intake = stack.baseUrlOf(StackService.INTAKE);
        out.println();
        out.println("Hearing State is running.");
        out.printf("  %-14s %s  (Swagger UI: /swagger-ui.html)%n", "intake", intake);
        out.printf("  %-14s %s/portal  (the citizen portal: write, track, reply, rate)%n", "portal", intake);
        out.printf("  %-14s %s  (departments: /api/v1/departments)%n", "routing", stack.baseUrlOf(StackService.ROUTING));
        out.printf("  %-14s %s/workbench  (staff: sign in as education / education-demo; every login is in the README)%n",
                "workbench", stack.baseUrlOf(StackService.ROUTING));
        out.printf("  %-14s %s  (dev mailbox: /api/v1/dev/mailbox with X-Api-Key: %s)%n", "notification",
                stack.baseUrlOf(StackService.NOTIFICATION), LocalStack.DEMO_OPERATOR_KEY);
        out.printf("  %-14s %s  (public page: /, summary: /api/v1/stats/summary)%n", "analytics",
                stack.baseUrlOf(StackService.ANALYTICS));
        settings.shape().secondInstances().forEach((service, port) -> out.printf("  %-14s http://127.0.0.1:%d  (a second"
                + " instance: same consumer groups, the partitions shared)%n", service.kafkaPrincipal() + " (2)", port));
        out.printf("  %-14s %s%s%n", "Kafka", stack.kafkaBootstrapServers(), settings.shape().kafkaCluster()
                ? "  (" + settings.shape().brokers() + " nodes, replication factor " + settings.shape().replicationFactor()
                        + ", min.insync.replicas " + settings.shape().minInsyncReplicas() + ")" : "");
        out.printf("  %-14s %s%n", "MongoDB", LocalStack.redactCredentials(stack.mongoUri()));
        out.printf("  %-14s %s (logs in %s)%n", "data", settings.dataDirectory(), settings.logDirectory());
        out.println();
        out.println("Submit an appeal through the local demo channel:");
        out.println("  curl -i -X POST " + intake + "/api/v1/appeals -H 'Content-Type: application/json' "
                + "-H 'X-Api-Key: " + IntakeClient.DEMO_CHANNEL_KEY + "' -d '" + SAMPLE_APPEAL + "'");
        out.println("Track it:   curl -s " + intake + "<statusUrl from the answer>   (the citizen's private link, no key)");
        stack.kafkaCredentials().ifPresentOrElse(credentials -> {
            out.println("Read a department's inbox as that department (its principal may read nothing else):");
            out.println("  kcat -F " + settings.repositoryRoot().relativize(credentials.kcatFile("housing-utilities"))
                    + " -C -t departments.housing-utilities.inbox -o beginning -e -f 'key=%k %s\\n'");
            out.println("Kafka client files, one per principal (kcat: <principal>.properties, Kafka's tools:"
                    + " <principal>.java.properties): " + credentials.kcatFile(KafkaCredentials.ADMIN).getParent());
        }, () -> {
            out.println("Read the department's inbox with any Kafka client, for example:");
            out.println("  kcat -b " + stack.kafkaBootstrapServers()
                    + " -C -t departments.housing-utilities.inbox -o beginning -e -f 'key=%k %s\\n'");
        });
    }

    /** Says so at once when a service dies, with its log, instead of leaving a half-dead stack silent. */
    private static void watch(LocalStack stack, AtomicBoolean stopping, PrintStream out) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        while (!stopping.get()) {
            for (StackService service : StackService.values()) {
                List<ManagedProcess> instances = new java.util.ArrayList<>();
                instances.add(stack.processOf(service));
                stack.secondInstanceOf(service).ifPresent(instances::add);
                for (ManagedProcess process : instances) {
                    if (process != null && !process.isAlive() && !stopping.get() && reported.add(process.name())) {
                        out.println("\n" + process.name() + " stopped unexpectedly; see " + process.logFile());
                    }
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private LocalStackMain() {
    }
}
