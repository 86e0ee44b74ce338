package kz.hearingstate.performance.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.StackService;

/**
 * The processes of a running stack by name (the broker, the MongoDB-wire server, each service) plus
 * this JVM, which generates the load and records arrivals and so competes for the same cores.
 */
public final class StackProcesses {

    public static final String BROKER = "kafka-broker";
    public static final String MONGO = "mongo-wire-server";
    public static final String LOAD_GENERATOR = "load-generator";

    private StackProcesses() {
    }

    public static Map<String, Long> of(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        childWhoseCommandHas("kafka.Kafka").ifPresent(pid -> pids.put(BROKER, pid));
        childWhoseCommandHas("MongoWireServerMain").ifPresent(pid -> pids.put(MONGO, pid));
        for (StackService service : StackService.values()) {
            if (stack.processOf(service) != null && stack.processOf(service).isAlive()) {
                pids.put(service.module(), stack.processOf(service).pid());
            }
        }
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return pids;
    }

    /** A direct child of this JVM whose command line contains {@code marker} (read from /proc). */
    public static Optional<Long> childWhoseCommandHas(String marker) {
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(child -> commandLine(child.pid()).contains(marker))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Makes sure that Ctrl-C, a CI timeout or a crash of this JVM does not leave a broker and four services
     * running: at exit, every process this JVM started (and theirs) gets SIGTERM. Returns the hook, so a
     * caller that stopped everything itself can remove it.
     */
    public static Thread stopDescendantsOnExit() {
        Thread hook = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
                "stop-stack-processes");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** One sample of every process; a process that is gone is left out. */
    public static Map<String, ProcessSample> sample(Map<String, Long> pids) {
        Map<String, ProcessSample> samples = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessSample.of(pid).ifPresent(sample -> samples.put(name, sample)));
        return samples;
    }
}
