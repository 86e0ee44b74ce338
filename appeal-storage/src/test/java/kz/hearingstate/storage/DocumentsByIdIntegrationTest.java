package kz.hearingstate.storage;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import kz.hearingstate.testing.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsByIdIntegrationTest {

    private static final MongoWireServer SERVER = new MongoWireServer();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.uri("by-id"));

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "by-id");

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.close();
    }

    @Test
    void givenOneDocumentStored_whenABatchHoldsItChangedAndANewOne_thenTheOneIsReplacedAndTheOtherInserted() {
        mongo.save(new Entry("kept", "old"));

        DocumentsById.saveAll(mongo, Entry.class, List.of(new Entry("kept", "new"), new Entry("added", "first")),
                Entry::id);
        DocumentsById.saveAll(mongo, Entry.class, List.of(new Entry("added", "first")), Entry::id); // redelivered

        assertThat(mongo.findAll(Entry.class)).containsExactlyInAnyOrder(new Entry("kept", "new"), new Entry("added", "first"));
    }

    @Test
    void givenAnEmptyBatch_whenSaved_thenNothingIsWritten() {
        DocumentsById.saveAll(mongo, Unwritten.class, List.of(), Unwritten::id);

        assertThat(mongo.getCollectionNames()).doesNotContain("by_id_unwritten");
    }

    @Document("by_id_entries")
    record Entry(String id, String value) {
    }

    @Document("by_id_unwritten")
    record Unwritten(String id) {
    }
}
