package kz.hearingstate.localstack;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.KeyLookupH2Database;
import de.bwaldvogel.mongo.backend.h2.QueryStatistics;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

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

        H2Backend backend = new MongoLikeH2Backend(file.toString());
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

    /**
     * mongo-java-server's H2 backend, closer to MongoDB in two ways:
     * <ul>
     *   <li>it answers {@code hello}: 1.47 answers the legacy {@code isMaster} but not its modern name,
     *       which Spring Boot 4's Mongo health indicator sends, so every service would report DOWN;
     *   <li>queries use indexes as MongoDB's do: a unique key plus other conditions ({@code {_id: x,
     *       version: 3}}) and non-unique indexes are looked up instead of scanning the collection
     *       ({@link KeyLookupH2Database});
     *   <li>{@code serverStatus} counts the index keys and documents queries read, under MongoDB's names
     *       ({@code metrics.queryExecutor.scanned} and {@code scannedObjects}), and reports the heap, page
     *       cache and file the store takes ({@code store}).
     * </ul>
     */
    static final class MongoLikeH2Backend extends H2Backend {

        /**
         * The MVStore's page cache, of its 16 MB default: at 10^6 stored appeals the inner pages of every
         * collection and index alone outgrow that, so lookups read pages from the file again and again.
         * A sixteenth of the process's heap ({@link MongoWireServerProcess}): at 256 MB, a growth run to 10^5
         * left the heap 90 % full after each collection, and the server spent more time in GC than working.
         */
        static final int CACHE_MB = 128;

        // No initialiser: H2Backend opens the existing databases inside its constructor, before this
        // class's initialisers would run, and statistics() creates it then.
        private QueryStatistics statistics;
        private final CommandStatistics commands = new CommandStatistics();

        MongoLikeH2Backend(String fileName) {
            this(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB).open());
        }

        MongoLikeH2Backend(MVStore store) {
            super(store);
        }

        private QueryStatistics statistics() {
            if (statistics == null) {
                statistics = new QueryStatistics();
            }
            return statistics;
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return KeyLookupH2Database.open(databaseName, getMvStore(), getCursorRegistry(), statistics());
        }

        @Override
        public Document getServerStatus() {
            Document status = super.getServerStatus();
            ((Document) status.get("metrics")).put("queryExecutor", statistics().toQueryExecutorMetrics());
            status.put("store", storeFigures());
            return status;
        }

        /**
         * What the store costs this process, for the benchmark's growth runs: the heap (used now, so it includes
         * garbage; committed; the most it may take), the page cache (H2's estimate of what it holds, and its bound)
         * and the file, in MiB, and the file's fill rate in percent.
         */
        Document storeFigures() {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            MVStore store = getMvStore();
            Document figures = new Document();
            figures.put("heapUsedMib", heap.getUsed() >> 20);
            figures.put("heapCommittedMib", heap.getCommitted() >> 20);
            figures.put("heapMaxMib", heap.getMax() >> 20);
            figures.put("cacheUsedMib", store.getCacheSizeUsed());
            figures.put("cacheMaxMib", store.getCacheSize());
            figures.put("fileMib", store.getFileStore() == null ? 0 : store.getFileStore().size() >> 20);
            figures.put("fillRatePercent", store.getFileStore() == null ? 100 : store.getFillRate());
            return figures;
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, database, "isMaster", query);
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            if ("top".equalsIgnoreCase(command)) {
                return commands.toTop();
            }
            long start = System.nanoTime();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                commands.record(database, command, query, System.nanoTime() - start);
            }
        }
    }

    private MongoWireServerMain() {
    }
}
