package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local MongoDB-wire server keeps its documents (and its indexes working) in data/mongo.mv across restarts. */
class MongoWireServerProcessIntegrationTest {

    @TempDir
    Path data;

    @Test
    void givenAStoredAppeal_whenTheServerIsStoppedAndStartedAgain_thenTheAppealIsStillThereAndHelloAndTheStoresFiguresAreAnswered() {
        StackSettings settings = StackSettings.onFreePorts(Path.of("."), data, Path.of("target/kafka-libs"));

        try (MongoWireServerProcess server = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(server.uri())) {
            appeals(client).insertOne(new Document("_id", "appeal-1").append("status", "ROUTED"));
        }

        assertThat(data.resolve("mongo.mv")).exists();
        // Its collector's log, where a stall of the store is looked for first.
        assertThat(settings.logDirectory().resolve("mongo-gc.log")).content().contains("Using G1");
        try (MongoWireServerProcess restarted = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(restarted.uri())) {
            Document appeal = appeals(client).find(new Document("_id", "appeal-1")).first();
            // Spring Boot's Mongo health indicator sends "hello" to the service's own database.
            Document hello = client.getDatabase("intake").runCommand(new Document("hello", 1));
            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(appeal).isNotNull();
            assertThat(appeal.getString("status")).isEqualTo("ROUTED");
            Document store = client.getDatabase("admin").runCommand(new Document("serverStatus", 1)).get("store", Document.class);
            assertThat(((Number) store.get("heapMaxMib")).longValue()).as("the server's own heap").isGreaterThan(1_500);
            assertThat(((Number) store.get("cacheMaxMib")).longValue()).isEqualTo(MongoWireServerMain.MongoLikeH2Backend.CACHE_MB);
            assertThat(((Number) store.get("heapUsedMib")).longValue()).isPositive();
            assertThat(store).containsKeys("fileMib", "cacheUsedMib", "heapCommittedMib", "fillRatePercent");
        }
    }

    @Test
    void givenVersionedDocumentsFromBeforeARestart_whenQueriedAndUpdatedByIdAndVersion_thenOnlyTheMatchingVersionIsFound() {
        StackSettings settings = StackSettings.onFreePorts(Path.of("."), data, Path.of("target/kafka-libs"));
        try (MongoWireServerProcess server = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(server.uri())) {
            appeals(client).insertOne(new Document("_id", "appeal-1").append("version", 1).append("status", "ROUTED"));
            appeals(client).insertOne(new Document("_id", "appeal-2").append("version", 1).append("status", "ROUTED"));
        }

        try (MongoWireServerProcess restarted = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(restarted.uri())) {
            MongoCollection<Document> appeals = appeals(client);
            Document current = new Document("_id", "appeal-1").append("version", 1);
            Document stale = new Document("_id", "appeal-1").append("version", 0);
            Document answered = new Document("$set", new Document("status", "ANSWERED")).append("$inc", new Document("version", 1));

            assertThat(appeals.find(current).first()).isNotNull();
            assertThat(appeals.find(stale).first()).isNull();
            assertThat(appeals.updateOne(current, answered).getModifiedCount()).isEqualTo(1);
            assertThat(appeals.updateOne(current, answered).getModifiedCount()).isZero();
            assertThat(appeals.find(new Document("_id", "appeal-1")).first().getString("status")).isEqualTo("ANSWERED");
            assertThat(appeals.find(new Document("_id", "appeal-2").append("version", 1)).first().getString("status"))
                    .isEqualTo("ROUTED");
            assertThat(appeals.countDocuments(new Document("_id", new Document("$in", List.of("appeal-1", "appeal-2")))
                    .append("status", "ROUTED"))).isEqualTo(1);
        }
    }

    @Test
    void givenAnIndexedCollectionFromBeforeARestart_whenQueriedByTheIndexedField_thenOnlyTheMatchingDocumentsAreRead() {
        StackSettings settings = StackSettings.onFreePorts(Path.of("."), data, Path.of("target/kafka-libs"));
        try (MongoWireServerProcess server = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(server.uri())) {
            appeals(client).createIndex(new Document("status", 1).append("dueAt", 1),
                    new com.mongodb.client.model.IndexOptions().name("status_dueAt"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                documents.add(new Document("_id", "appeal-" + i).append("status", i % 100 == 0 ? "PENDING" : "SENT"));
            }
            appeals(client).insertMany(documents);
        }

        try (MongoWireServerProcess restarted = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(restarted.uri())) {
            MongoCollection<Document> appeals = appeals(client);
            appeals.updateOne(new Document("_id", "appeal-7"), new Document("$set", new Document("status", "PENDING")));
            appeals.updateOne(new Document("_id", "appeal-0"), new Document("$set", new Document("status", "SENT")));
            long before = scannedObjects(client);
            List<String> pending = appeals.find(new Document("status", "PENDING")).map(d -> d.getString("_id"))
                    .into(new ArrayList<>());
            long read = scannedObjects(client) - before;

            assertThat(pending).containsExactlyInAnyOrder("appeal-7", "appeal-100", "appeal-200", "appeal-300",
                    "appeal-400", "appeal-500", "appeal-600", "appeal-700", "appeal-800", "appeal-900");
            assertThat(read).as("documents read for 10 of 1,000").isEqualTo(10);
        }
    }

    /** Documents read by queries so far, as MongoDB's serverStatus counts them. */
    private static long scannedObjects(MongoClient client) {
        Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
        return ((Number) status.get("metrics", Document.class).get("queryExecutor", Document.class).get("scannedObjects"))
                .longValue();
    }

    private static MongoCollection<Document> appeals(MongoClient client) {
        return client.getDatabase("intake").getCollection("appeals");
    }
}
