package kz.hearingstate.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local stack's MongoDB-wire server, run as its own process: mongo-java-server with the H2
 * backend, so every document is kept in one MVStore file and survives a restart.
 *
 * <p>Usage: {@code MongoWireServerMain <port> <file>}. SIGTERM (the launcher's stop) closes the store
 * cleanly, which commits what is still buffered.
 */
public final class MongoWireServerMain {

    /** Printed once the port is bound; the launcher waits for the port, humans read this line. */
    static final String READY_LINE = "mongo-wire-server ready";

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServerMain <port> <h2-file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());

        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            backend.close();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        System.out.println(READY_LINE + " on 127.0.0.1:" + port + ", data in " + file);
        stopped.await();
    }

    private MongoWireServerMain() {
    }
}
