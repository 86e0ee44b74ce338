package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collection's keys in the order, and the stored form, of H2's {@link ObjectDataType}, which the maps used before. */
class DocumentKeyTypeTest {

    private static final List<Object> KEYS = List.of("a", "b", "", "appeal-1", "appeal-10", "appeal-2", "Я", "ә", "Z",
            UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 2L, 3.0, new ObjectId(), new ObjectId(), true);

    @Test
    void givenKeysOfEveryKind_whenCompared_thenTheOrderIsObjectDataTypes() {
        ObjectDataType before = new ObjectDataType();
        DocumentKeyType keys = new DocumentKeyType();
        for (Object a : KEYS) {
            for (Object b : KEYS) {
                assertThat(Integer.signum(keys.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(before.compare(a, b)));
            }
        }
    }

    @Test
    void givenAFileWrittenWithObjectDataTypeKeys_whenReopenedWithThese_thenEveryDocumentIsFoundByItsId(@TempDir Path directory) {
        String file = directory.resolve("store.mv").toString();
        List<String> ids = java.util.stream.IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> documents = store.openMap("documents",
                    new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            ids.forEach(id -> documents.put(id, new Document("_id", id)));
        }

        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> documents = store.openMap("documents",
                    new MVMap.Builder<Object, Document>().keyType(new DocumentKeyType()).valueType(DocumentType.INSTANCE));
            assertThat(ids).allSatisfy(id -> assertThat(documents.get(id)).isEqualTo(new Document("_id", id)));
            assertThat(documents.keyList()).isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
        }
    }
}
