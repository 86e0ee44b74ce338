package kz.hearingstate.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-process MongoDB-wire server (mongo-java-server, memory backend) on a free loopback port, for
 * integration tests. Production uses real MongoDB; docs/architecture.md, "Storage", lists what this server lacks.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address;

    public MongoWireServer() {
        this.address = server.bind(); // a free port on loopback
    }

    /** A connection string naming {@code database}. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
