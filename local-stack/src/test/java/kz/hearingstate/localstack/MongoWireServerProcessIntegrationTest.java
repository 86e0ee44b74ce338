package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local MongoDB-wire server keeps its documents in data/mongo.mv across restarts. */
class MongoWireServerProcessIntegrationTest {

    @TempDir
    Path data;

    @Test
    void givenAStoredAppeal_whenTheServerIsStoppedAndStartedAgain_thenTheAppealIsStillThereAndHelloIsAnswered() {
        StackSettings settings = StackSettings.onFreePorts(Path.of("."), data, Path.of("target/kafka-libs"));

        try (MongoWireServerProcess server = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(server.uri())) {
            appeals(client).insertOne(new Document("_id", "appeal-1").append("status", "ROUTED"));
        }

        assertThat(data.resolve("mongo.mv")).exists();
        try (MongoWireServerProcess restarted = MongoWireServerProcess.start(settings);
             MongoClient client = MongoClients.create(restarted.uri())) {
            Document appeal = appeals(client).find(new Document("_id", "appeal-1")).first();
            // Spring Boot's Mongo health indicator sends "hello" to the service's own database.
            Document hello = client.getDatabase("intake").runCommand(new Document("hello", 1));
            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(appeal).isNotNull();
            assertThat(appeal.getString("status")).isEqualTo("ROUTED");
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
            assertThat(appeals.countDocuments(new Document("_id", new Document("$in", java.util.List.of("appeal-1", "appeal-2")))
                    .append("status", "ROUTED"))).isEqualTo(1);
        }
    }

    private static MongoCollection<Document> appeals(MongoClient client) {
        return client.getDatabase("intake").getCollection("appeals");
    }
}
