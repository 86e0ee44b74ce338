package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.CannotIndexParallelArraysError;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The secondary index reads top-level keys its own way ({@link H2SecondaryIndex#getKeyValues}): every document gives
 * the key values the library computes, whatever the field holds.
 */
class H2SecondaryIndexKeyValuesTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    /** Every kind of value an index meets, and documents without the field or with it null. */
    private static final List<Document> DOCUMENTS = List.of(
            new Document("_id", "a").append("category", "roads").append("receivedAt", AT),
            new Document("_id", "b").append("category", null).append("receivedAt", AT),
            new Document("_id", "c").append("receivedAt", AT),
            new Document("_id", "d"),
            new Document("_id", "e").append("category", 1).append("receivedAt", 1L),
            new Document("_id", "f").append("category", 1.0).append("receivedAt", 2.5f),
            new Document("_id", "g").append("category", new Document("code", "roads").append("n", 1)),
            new Document("_id", "h").append("category", List.of("roads", "lights")).append("receivedAt", AT),
            new Document("_id", "i").append("category", List.of()).append("receivedAt", AT),
            new Document("_id", "j").append("category", true).append("receivedAt", new ObjectId()),
            new Document("_id", "k").append("category", new Document("code", List.of(1, 2))));

    @Test
    void givenTopLevelKeys_whenKeyValuesAreComputed_thenTheyAreTheLibrarysForEveryDocument() {
        for (List<IndexKey> keys : List.of(keys("category"), keys("category", "receivedAt"), keys("receivedAt", "category"))) {
            Index<Object> index = secondaryIndex(keys);
            Index<Object> library = libraryIndex(keys);
            for (Document document : DOCUMENTS) {
                assertThat(index.getKeyValues(document)).as("%s of %s", keys, document).isEqualTo(library.getKeyValues(document));
            }
        }
    }

    @Test
    void givenAPathKey_whenKeyValuesAreComputed_thenTheyAreTheLibrarys() {
        List<IndexKey> keys = keys("category.code", "receivedAt");
        Index<Object> index = secondaryIndex(keys);
        for (Document document : DOCUMENTS) {
            assertThat(index.getKeyValues(document)).as("%s", document).isEqualTo(libraryIndex(keys).getKeyValues(document));
        }
    }

    @Test
    void givenAnArray_whenKeyValuesAreComputed_thenOneEntryPerElement_andParallelArraysAreRefused() {
        Index<Object> index = secondaryIndex(keys("category", "receivedAt"));

        assertThat(index.getKeyValues(new Document("category", List.of("roads", "lights")).append("receivedAt", AT)))
                .isEqualTo(Set.of(new KeyValue("roads", AT), new KeyValue("lights", AT)));
        assertThatThrownBy(() -> index.getKeyValues(new Document("category", List.of("roads")).append("receivedAt", List.of(AT))))
                .isInstanceOf(CannotIndexParallelArraysError.class);
    }

    private static List<IndexKey> keys(String... names) {
        return java.util.Arrays.stream(names).map(name -> new IndexKey(name, true)).toList();
    }

    static Index<Object> secondaryIndex(List<IndexKey> keys) {
        MVMap<IndexTuple, Boolean> entries = MVStore.open(null).openMap("entries",
                new MVMap.Builder<IndexTuple, Boolean>().keyType(IndexTupleType.INSTANCE));
        return new H2SecondaryIndex(entries, "test", keys, false, new QueryStatistics());
    }

    /** An index that computes its key values as the library does: only the methods no test calls are left empty. */
    static Index<Object> libraryIndex(List<IndexKey> keys) {
        return new Index<>("library", keys, false) {
            @Override
            public Object getPosition(Document document) {
                return null;
            }

            @Override
            public void checkAdd(Document document, MongoCollection<Object> collection) {
            }

            @Override
            public void add(Document document, Object position, MongoCollection<Object> collection) {
            }

            @Override
            public Object remove(Document document) {
                return null;
            }

            @Override
            public boolean canHandle(Document query) {
                return false;
            }

            @Override
            public Iterable<Object> getPositions(Document query) {
                return List.of();
            }

            @Override
            public long getCount() {
                return 0;
            }

            @Override
            public long getDataSize() {
                return 0;
            }

            @Override
            public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
            }

            @Override
            public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                      MongoCollection<Object> collection) {
            }

            @Override
            public void drop() {
            }
        };
    }
}
