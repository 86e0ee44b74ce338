package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** Which queries the {@code _id} index answers: mongo-java-server's own rule plus a pinned key with more conditions. */
class KeyLookupH2DatabaseTest {

    private final Index<Object> idIndex = KeyLookupH2Database.open("routing", MVStore.open(null), new CursorRegistry(),
            new QueryStatistics())
            .openOrCreateUniqueIndex("appeals", "_id_", List.of(new IndexKey("_id", true)), false);

    @Test
    void givenAnIdAndAVersion_whenPlanned_thenTheIdIndexAnswersIt() {
        assertThat(idIndex.canHandle(new Document("_id", "a").append("version", 3))).isTrue();
        assertThat(idIndex.canHandle(new Document("_id", "a").append("outbox.0", new Document("$exists", false)))).isTrue();
        assertThat(idIndex.canHandle(new Document("_id", new Document("$in", List.of("a", "b"))).append("status", "SENT")))
                .isTrue();
    }

    @Test
    void givenAnIdAndAVersionInsideAnd_whenPlanned_thenTheIdIndexAnswersIt() {
        Document query = new Document("$and", List.of(new Document("_id", "a"), new Document("version", 3)));

        assertThat(idIndex.canHandle(query)).isTrue();
        assertThat(idIndex.canHandle(new Document("$and", List.of(new Document("version", 3))))).isFalse();
    }

    @Test
    void givenAQueryWithoutAnId_orWithARangeOnIt_whenPlanned_thenItIsLeftToTheCollectionScan() {
        assertThat(idIndex.canHandle(new Document("status", "SENT").append("version", 3))).isFalse();
        assertThat(idIndex.canHandle(new Document("_id", new Document("$gt", "a")).append("version", 3))).isFalse();
    }
}
