package kz.hearingstate.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run.sh [--demo]}: starts the local stack in the current directory (the repository root),
 * prints where everything is, and stops everything on Ctrl-C.
 */
public final class LocalStackMain {

    static final String SAMPLE_APPEAL = "{\"type\":\"COMPLAINT\",\"language\":\"en\","
            + "\"text\":\"No water on Abai street in Uzynagash for three days: a pipe burst.\","
            + "\"citizen\":{\"fullName\":\"Demo Citizen\",\"email\":\"demo@example.com\",\"preferredContact\":\"EMAIL\"},"
            + "\"consentToDataProcessing\":true}";

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("usage: ./run.sh [--demo]\n"
                    + "  --demo  submit a dozen sample appeals (kk/ru/en) and print where each went\n"
                    + "  KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI: use that Kafka / MongoDB instead of starting one");
            return;
        }
        List<String> unknown = arguments.stream().filter(a -> !a.equals("--demo")).toList();
        if (!unknown.isEmpty()) {
            System.err.println("Unknown argument(s): " + unknown + " (try --help)");
            System.exit(2);
        }

        Path root = Path.of(System.getProperty("hearing.root", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.forDevelopment(root, System.getenv());
        PrintStream out = System.out;
        AtomicBoolean stopping = new AtomicBoolean();
        // Registered before anything starts: Ctrl-C during start-up stops what already runs, too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println("\nStopping the local stack (services, then MongoDB, then Kafka) ...");
            ManagedProcess.stopAllStillRunning();
            out.println("Stopped. Data kept in " + settings.dataDirectory());
        }, "local-stack-shutdown"));
        LocalStack stack;
        try {
            stack = LocalStack.start(settings, line -> out.println("  " + line));
        } catch (StackStartupException e) {
            System.err.println("\nThe local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        printWhereEverythingIs(stack, out);
        if (arguments.contains("--demo")) {
            try {
                DemoAppeals.run(new IntakeClient(stack.baseUrlOf(StackService.INTAKE), IntakeClient.DEMO_CHANNEL_KEY), out);
            } catch (RuntimeException e) {
                out.println("  The demo failed: " + e.getMessage());
            }
        }
        out.println("\nPress Ctrl-C to stop everything.");
        watch(stack, stopping, out);
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
        out.printf("  %-14s %s%n", "Kafka", stack.kafkaBootstrapServers());
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
        java.util.Set<StackService> reported = java.util.EnumSet.noneOf(StackService.class);
        while (!stopping.get()) {
            for (StackService service : StackService.values()) {
                ManagedProcess process = stack.processOf(service);
                if (process != null && !process.isAlive() && !stopping.get() && reported.add(service)) {
                    out.println("\n" + service.module() + " stopped unexpectedly; see " + process.logFile());
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
