package kz.hearingstate.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import kz.hearingstate.testing.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

class VersionedDocumentsIntegrationTest {

    private static final MongoWireServer SERVER = new MongoWireServer();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.uri("versioned"));

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "versioned");

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.close();
    }

    @Test
    void givenNothingStored_whenAVersionArrives_thenItIsStored() {
        assertThat(VersionedDocuments.replaceIfNewer(mongo, "first", 1, new Entry("first", 1, "a"))).isTrue();

        assertThat(mongo.findById("first", Entry.class)).isEqualTo(new Entry("first", 1, "a"));
    }

    @Test
    void givenAStoredVersion_whenANewerArrives_thenItReplacesIt() {
        VersionedDocuments.replaceIfNewer(mongo, "newer", 1, new Entry("newer", 1, "old"));

        assertThat(VersionedDocuments.replaceIfNewer(mongo, "newer", 2, new Entry("newer", 2, "new"))).isTrue();

        assertThat(mongo.findById("newer", Entry.class)).isEqualTo(new Entry("newer", 2, "new"));
    }

    @Test
    void givenAStoredVersion_whenTheSameOrAnOlderArrives_thenTheStoredOneStays() {
        VersionedDocuments.replaceIfNewer(mongo, "stale", 5, new Entry("stale", 5, "latest"));

        assertThat(VersionedDocuments.replaceIfNewer(mongo, "stale", 5, new Entry("stale", 5, "redelivered"))).isFalse();
        assertThat(VersionedDocuments.replaceIfNewer(mongo, "stale", 3, new Entry("stale", 3, "replayed"))).isFalse();

        assertThat(mongo.findById("stale", Entry.class)).isEqualTo(new Entry("stale", 5, "latest"));
    }

    @Document("entries")
    record Entry(String id, long version, String value) {
    }
}
