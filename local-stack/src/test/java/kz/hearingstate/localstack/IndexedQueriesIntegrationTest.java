package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import kz.hearingstate.localstack.MongoWireServerMain.MongoLikeH2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local store's non-unique indexes: queries on indexed fields read about as many documents as they
 * return (counted as MongoDB does, {@code serverStatus.metrics.queryExecutor.scannedObjects}), and give
 * the same answers as a collection without indexes after any mix of inserts, updates, replaces and deletes.
 */
class IndexedQueriesIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED");
    private static final List<String> DEPARTMENTS = List.of("akimat", "police", "roads", "water", "schools");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MongoLikeH2Backend(MVStore.open(null))); // an in-memory MVStore
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        database = client.getDatabase("notification");
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void givenAnIndexedFieldInALargeCollection_whenQueriedByEqualityOrRange_thenOnlyTheMatchingDocumentsAreRead() {
        MongoCollection<Document> notifications = database.getCollection("notifications");
        notifications.createIndex(Indexes.ascending("status", "dueAt"), new IndexOptions().name("status_dueAt"));
        notifications.createIndex(Indexes.ascending("appealId", "createdAt"), new IndexOptions().name("appealId_createdAt"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            documents.add(new Document("_id", "n-" + i).append("appealId", "a-" + (i / 2))
                    .append("status", i % 100 == 0 ? "PENDING" : "SENT")
                    .append("dueAt", T0.plusSeconds(i)).append("createdAt", T0.plusSeconds(i)));
        }
        notifications.insertMany(documents);

        long before = scannedObjects();
        List<Document> due = notifications.find(Filters.and(Filters.in("status", "PENDING", "SENDING"),
                Filters.lte("dueAt", T0.plusSeconds(1_000)))).into(new ArrayList<>());
        long readForDue = scannedObjects() - before;

        before = scannedObjects();
        List<Document> ofAppeal = notifications.find(Filters.eq("appealId", "a-1234")).sort(Sorts.ascending("createdAt"))
                .into(new ArrayList<>());
        long readForAppeal = scannedObjects() - before;

        before = scannedObjects();
        long unindexed = notifications.countDocuments(Filters.eq("createdAt", T0.plusSeconds(7)));
        long readForUnindexed = scannedObjects() - before;

        assertThat(due).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder(
                "n-0", "n-100", "n-200", "n-300", "n-400", "n-500", "n-600", "n-700", "n-800", "n-900", "n-1000");
        assertThat(readForDue).isEqualTo(11);
        assertThat(ofAppeal).extracting(d -> d.getString("_id")).containsExactly("n-2468", "n-2469");
        assertThat(readForAppeal).isEqualTo(2);
        assertThat(unindexed).isEqualTo(1);
        assertThat(readForUnindexed).as("createdAt leads no index: a scan").isEqualTo(5_000);
    }

    @Test
    void givenAnalyticsFactsMostlyClosedLongAgo_whenTheGaugesAskForTheOpenAndTheRecentlyClosed_thenOnlyTheyAreRead() {
        // analytics' AppealFacts.open() and closedSince(t), as Spring Data sends them: a closed status keeps its
        // closedAt, an open or reopened one has none. This guards the store's use of the two indexes; that the
        // queries are the ones analytics sends is AppealFactReadsIntegrationTest's job, in analytics.
        MongoCollection<Document> facts = database.getCollection("appeal_facts");
        facts.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
        facts.createIndex(Indexes.ascending("closedAt"), new IndexOptions().name("closedAt"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Document fact = new Document("_id", "a-" + i).append("department", "roads").append("deadline", T0);
            if (i % 100 == 0) {
                fact.append("status", i % 200 == 0 ? "ROUTED" : "IN_PROGRESS");
            } else {
                fact.append("status", "ANSWERED").append("closedAt", T0.plusSeconds(i));
            }
            documents.add(fact);
        }
        facts.insertMany(documents);

        long before = scannedObjects();
        List<Document> open = facts.find(Filters.in("status", "SUBMITTED", "ROUTED", "IN_PROGRESS", "INFO_REQUESTED"))
                .projection(new Document("department", 1).append("status", 1).append("deadline", 1)).into(new ArrayList<>());
        long readForOpen = scannedObjects() - before;
        before = scannedObjects();
        List<Document> closed = facts.find(Filters.gte("closedAt", T0.plusSeconds(4_950))).into(new ArrayList<>());
        long readForClosed = scannedObjects() - before;

        assertThat(open).hasSize(50);
        assertThat(readForOpen).isEqualTo(50);
        assertThat(closed).hasSize(50); // a-4950 to a-4999, all closed
        assertThat(readForClosed).isEqualTo(50);
    }

    @Test
    void givenAStoreGrownTenfold_whenOneAppealIsLookedUpByIndexedFields_thenTheSameFewDocumentsAreRead() {
        MongoCollection<Document> appeals = database.getCollection("appeals");
        appeals.createIndex(Indexes.ascending("department", "registeredAt"));
        appeals.createIndex(Indexes.ascending("nextTimerAt"));
        appeals.createIndex(Indexes.ascending("trackingCode"));
        appeals.createIndex(Indexes.ascending("outboxSince"));
        List<Bson> lookups = List.of(
                new Document("_id", "appeal-7").append("version", 1),
                Filters.and(Filters.eq("_id", "appeal-7"), Filters.eq("version", 1)), // {$and: [...]}
                Filters.eq("trackingCode", "ZH-7"),
                Filters.lte("nextTimerAt", T0.plusSeconds(1)),
                Filters.and(Filters.eq("department", "department-7"), Filters.eq("registeredAt", T0.plusSeconds(7))),
                Filters.lte("outboxSince", T0.plusSeconds(60))); // only appeal-7 has one

        insertAppeals(appeals, 0, 2_000);
        List<Long> readAtSmall = documentsRead(appeals, lookups);
        insertAppeals(appeals, 2_000, 20_000);
        List<Long> readAtLarge = documentsRead(appeals, lookups);

        assertThat(readAtSmall).containsExactly(1L, 1L, 1L, 2L, 1L, 1L);
        assertThat(readAtLarge).isEqualTo(readAtSmall);
    }

    @Test
    void givenTheSameWritesToAnIndexedAndAPlainCollection_whenQueried_thenBothAnswerTheSame() {
        MongoCollection<Document> indexed = database.getCollection("indexed");
        MongoCollection<Document> plain = database.getCollection("plain");
        indexed.createIndex(Indexes.ascending("department", "status", "registeredAt"));
        indexed.createIndex(Indexes.ascending("dueAt"));
        indexed.createIndex(Indexes.ascending("tags"));
        indexed.createIndex(Indexes.ascending("score"), new IndexOptions().sparse(true));
        Random random = new Random(17);
        Consumer<Consumer<MongoCollection<Document>>> both = write -> {
            write.accept(indexed);
            write.accept(plain);
        };

        for (int round = 0; round < 6; round++) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                batch.add(randomDocument(round * 300 + i, random));
            }
            both.accept(c -> c.insertMany(batch.stream().map(Document::new).toList()));
            String department = pick(DEPARTMENTS, random);
            String status = pick(STATUSES, random);
            Instant due = T0.plusSeconds(random.nextInt(10_000));
            both.accept(c -> c.updateMany(Filters.eq("department", department),
                    Updates.combine(Updates.set("status", status), Updates.set("dueAt", due))));
            int replaced = random.nextInt(round * 300 + 300);
            Document replacement = randomDocument(replaced, random);
            both.accept(c -> c.replaceOne(Filters.eq("_id", "d-" + replaced), new Document(replacement)));
            String deletedStatus = pick(STATUSES, random);
            both.accept(c -> c.deleteMany(Filters.and(Filters.eq("status", deletedStatus), Filters.lt("dueAt", T0.plusSeconds(2_000)))));
            both.accept(c -> c.updateMany(Filters.eq("tags", "urgent"), Updates.unset("score")));
            String tagged = "d-" + random.nextInt(round * 300 + 300);
            both.accept(c -> c.updateOne(Filters.eq("_id", tagged), Updates.push("tags", "urgent")));
            // One value of several removed, the others kept: only its entry may go.
            both.accept(c -> c.updateMany(Filters.and(Filters.eq("tags", "alpha"), Filters.eq("department", department)),
                    Updates.pull("tags", "alpha")));
        }

        List<Bson> queries = List.of(
                Filters.eq("department", "roads"),
                Filters.and(Filters.eq("department", "police"), Filters.eq("status", "SENT")),
                Filters.and(Filters.eq("department", "water"), Filters.in("status", "PENDING", "FAILED"),
                        Filters.gte("registeredAt", T0.plusSeconds(3_000))),
                Filters.and(Filters.eq("department", "akimat"), Filters.gt("registeredAt", T0.plusSeconds(9_000))),
                Filters.lte("dueAt", T0.plusSeconds(4_000)),
                Filters.and(Filters.gt("dueAt", T0.plusSeconds(1_000)), Filters.lt("dueAt", T0.plusSeconds(6_000))),
                Filters.eq("tags", "urgent"),
                Filters.and(Filters.gt("tags", "b"), Filters.lt("tags", "d")),
                Filters.in("tags", "alpha", "urgent"),
                Filters.eq("tags", "charlie"),
                Filters.eq("tags", "alpha"),
                Filters.gte("score", 50),
                Filters.eq("score", 7),
                Filters.eq("department", null),
                Filters.ne("department", "roads"),
                Filters.or(Filters.eq("department", "roads"), Filters.eq("status", "SENT")));
        for (Bson query : queries) {
            assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(plain, query));
        }
        assertThat(ids(indexed, Filters.eq("tags", "urgent"))).isNotEmpty();
        // The collection re-checks what an index finds, so an entry left behind by a pull would not change the
        // answer, only the documents read: one per match means none was left.
        for (String tag : List.of("alpha", "charlie", "bravo")) {
            long before = scannedObjects();
            int matches = ids(indexed, Filters.eq("tags", tag)).size();
            assertThat(scannedObjects() - before).as("documents read for tag " + tag).isEqualTo(matches);
        }
    }

    @Test
    void givenAnIndexedStoreFile_whenReopened_thenItsSecondaryIndexIsTrustedAsBuilt_andStillAnswersAfterWritesOnBothSides(
            @TempDir Path data) {
        String file = data.resolve("mongo.mv").toString();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            documents.add(new Document("_id", "n-" + i).append("status", i % 100 == 0 ? "PENDING" : "SENT"));
        }
        withServerOn(file, notifications -> {
            notifications.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
            notifications.insertMany(documents);
            notifications.updateOne(Filters.eq("_id", "n-100"), Updates.set("status", "SENT"));
        });
        MVStore closed = MVStore.open(file);
        Map<String, Integer> complete = Map.copyOf(closed.openMap("hearing.completeSecondaryIndexes"));
        closed.close();

        List<Set<String>> pending = new ArrayList<>();
        List<Long> read = new ArrayList<>();
        withServerOn(file, notifications -> {
            notifications.updateOne(Filters.eq("_id", "n-7"), Updates.set("status", "PENDING"));
            long before = scannedObjects();
            pending.add(ids(notifications, Filters.eq("status", "PENDING")));
            read.add(scannedObjects() - before);
        });

        assertThat(complete).as("recorded as built, so the next opening does not rebuild it")
                .containsEntry("notification.notifications._secondary_status", 1);
        assertThat(pending.getFirst()).containsExactly("n-0", "n-200", "n-300", "n-400", "n-500", "n-600", "n-7",
                "n-700", "n-800", "n-900");
        assertThat(read).containsExactly(10L);
    }

    /** Runs {@code work} on notification.notifications of a server over the store file, then closes both. */
    private void withServerOn(String file, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file).open();
        MongoServer onFile = new MongoServer(new MongoLikeH2Backend(store));
        InetSocketAddress address = onFile.bind();
        MongoClient previous = client;
        try (MongoClient fileClient = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client = fileClient; // scannedObjects asks this server
            work.accept(fileClient.getDatabase("notification").getCollection("notifications"));
        } finally {
            client = previous;
            onFile.shutdownNow();
            store.close();
        }
    }

    /** Appeals as routing keeps them, in brief. */
    private static void insertAppeals(MongoCollection<Document> appeals, int from, int to) {
        List<Document> batch = new ArrayList<>();
        for (int number = from; number < to; number++) {
            batch.add(new Document("_id", "appeal-" + number).append("version", 1)
                    .append("department", "department-" + number % 12).append("registeredAt", T0.plusSeconds(number))
                    .append("nextTimerAt", T0.plusSeconds(number)).append("trackingCode", "ZH-" + number));
            if (number == 7) {
                batch.getLast().append("outboxSince", T0);
            }
        }
        appeals.insertMany(batch);
    }

    /** The documents each query read, as serverStatus counts them; each finds something. */
    private List<Long> documentsRead(MongoCollection<Document> collection, List<Bson> queries) {
        List<Long> read = new ArrayList<>();
        for (Bson query : queries) {
            long before = scannedObjects();
            assertThat(collection.find(query).into(new ArrayList<>())).as(query.toString()).isNotEmpty();
            read.add(scannedObjects() - before);
        }
        return read;
    }

    private static Document randomDocument(int number, Random random) {
        Document document = new Document("_id", "d-" + number)
                .append("status", pick(STATUSES, random))
                .append("registeredAt", T0.plusSeconds(random.nextInt(10_000)))
                .append("dueAt", random.nextInt(5) == 0 ? null : T0.plusSeconds(random.nextInt(10_000)))
                .append("tags", random.nextBoolean() ? List.of("alpha", "charlie") : List.of("bravo"));
        if (random.nextInt(6) != 0) {
            document.append("department", pick(DEPARTMENTS, random));
        }
        if (random.nextBoolean()) {
            // ints and doubles alike: an index compares numbers by value, as the query does
            document.append("score", random.nextBoolean() ? random.nextInt(100) : random.nextInt(100) + 0.0);
        }
        return document;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static Set<String> ids(MongoCollection<Document> collection, Bson query) {
        Set<String> ids = new TreeSet<>();
        collection.find(query).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private long scannedObjects() {
        Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
        return ((Number) status.get("metrics", Document.class).get("queryExecutor", Document.class)
                .get("scannedObjects")).longValue();
    }
}
