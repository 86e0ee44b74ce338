package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local store answers MongoDB's {@code top}: the commands run on each collection, by kind, and their time. */
class CommandStatisticsTest {

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MongoWireServerMain.MongoLikeH2Backend(new MVStore.Builder().open()));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void givenCommandsOnTwoCollections_whenTopIsAsked_thenEachCollectionCountsItsOwnByKind() {
        MongoCollection<Document> appeals = client.getDatabase("routing").getCollection("appeals");
        MongoCollection<Document> inbox = client.getDatabase("routing").getCollection("inbox");
        appeals.insertMany(List.of(new Document("_id", "a-1"), new Document("_id", "a-2"), new Document("_id", "a-3")));
        appeals.updateOne(Filters.eq("_id", "a-1"), Updates.set("status", "ROUTED"));
        appeals.find(Filters.eq("_id", "a-1")).first();
        appeals.deleteOne(Filters.eq("_id", "a-2"));
        appeals.findOneAndUpdate(Filters.eq("_id", "a-3"), Updates.set("status", "ROUTED"));
        inbox.insertOne(new Document("_id", "i-1"));

        Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);

        Document appealsTop = totals.get("routing.appeals", Document.class);
        assertThat(count(appealsTop, "insert")).as("one insertMany is one round trip").isEqualTo(1);
        assertThat(count(appealsTop, "update")).isEqualTo(1);
        assertThat(count(appealsTop, "queries")).isEqualTo(1);
        assertThat(count(appealsTop, "remove")).isEqualTo(1);
        assertThat(count(appealsTop, "commands")).as("findAndModify").isEqualTo(1);
        assertThat(count(appealsTop, "total")).isEqualTo(5);
        assertThat(((Number) appealsTop.get("total", Document.class).get("time")).longValue()).isPositive();
        assertThat(count(totals.get("routing.inbox", Document.class), "total")).isEqualTo(1);
        assertThat(count(totals.get("routing.inbox", Document.class), "insert")).isEqualTo(1);
    }

    private static long count(Document namespace, String kind) {
        return ((Number) namespace.get(kind, Document.class).get("count")).longValue();
    }
}
