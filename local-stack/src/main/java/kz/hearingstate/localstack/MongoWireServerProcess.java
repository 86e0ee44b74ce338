package kz.hearingstate.localstack;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@link MongoWireServerMain} as its own process on the class path of this one, with its data in
 * {@code <data>/mongo.mv}, and returns once the port accepts connections.
 */
public final class MongoWireServerProcess implements AutoCloseable {

    private final ManagedProcess process;
    private final String uri;

    private MongoWireServerProcess(ManagedProcess process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * The store's page cache lives in the heap and changes all the time: each page read from the file replaces an
     * old one. With the serial collector every young collection scanned the old generation's changed cache entries
     * and every full one stopped the server for seconds; growing a store past 10^5 appeals, collections stopped it
     * for half of the time, and accept → inbox p99 rose 15-fold at 10^5. G1 reclaims the old generation
     * concurrently and keeps pauses near its goal; 2 GB leave the cache's 128 MB (in H2's estimate, twice that in
     * objects) and four concurrent bulk inserts room where 1 GB ran out on the way to 10^6.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx2g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50");

    public static MongoWireServerProcess start(StackSettings settings) {
        List<String> command = new ArrayList<>(List.of(settings.javaExecutable()));
        command.addAll(JVM_OPTIONS);
        // Each collection's pause, with the wall-clock time: the benchmark's stall bursts (every admission place held
        // at once) are looked for here first.
        command.add("-Xlog:gc:file=" + settings.logDirectory().resolve("mongo-gc.log").toAbsolutePath() + ":time,uptime");
        command.addAll(List.of("-cp", absoluteClassPath(), MongoWireServerMain.class.getName(),
                String.valueOf(settings.mongoPort()), settings.dataDirectory().resolve("mongo.mv").toAbsolutePath().toString()));
        ManagedProcess mongo = ManagedProcess.start("mongo-wire-server", command,
                Map.of(), settings.dataDirectory(), settings.logDirectory().resolve("mongo.log"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try {
            while (!accepts(settings.mongoPort())) {
                mongo.requireAlive();
                if (Instant.now().isAfter(deadline)) {
                    throw new StackStartupException("The MongoDB-wire server did not open port "
                            + settings.mongoPort() + " within 60 s (log: " + mongo.logFile() + ")");
                }
                KafkaBroker.sleep(200);
            }
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
        return new MongoWireServerProcess(mongo, "mongodb://127.0.0.1:" + settings.mongoPort());
    }

    /** The connection string without a database: each service names its own. */
    public String uri() {
        return uri;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /** This JVM's class path with every entry absolute: the child runs in the data directory. */
    static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
