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
class MongoWireServerProcessTest {

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

    private static MongoCollection<Document> appeals(MongoClient client) {
        return client.getDatabase("intake").getCollection("appeals");
    }
}
