package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents are stored as BSON, and those an earlier version stored with Java serialisation still read. */
class DocumentTypeTest {

    private static final Document APPEAL = new Document("_id", "appeal-1").append("version", 3)
            .append("score", 2.5).append("big", 1L << 40).append("closed", false).append("answer", null)
            .append("registeredAt", Instant.parse("2026-12-03T10:15:30.123Z"))
            .append("owner", new ObjectId()).append("key", UUID.randomUUID())
            .append("submitted", new Document("trackingCode", "ZH-1").append("tags", List.of("a", "b")))
            .append("history", List.of(new Document("type", "SUBMITTED"), new Document("type", "ROUTED")));

    @Test
    void givenADocument_whenWrittenAndReadBack_thenItIsEqualWithItsFieldsInOrder() {
        Document read = roundTrip(DocumentType.INSTANCE, DocumentType.INSTANCE, APPEAL);

        assertThat(read).isEqualTo(APPEAL);
        assertThat(read.keySet()).containsExactlyElementsOf(APPEAL.keySet());
    }

    @Test
    void givenADocumentWrittenByH2sDefaultType_whenRead_thenItIsTheSameDocument() {
        assertThat(roundTrip(new ObjectDataType(), DocumentType.INSTANCE, APPEAL)).isEqualTo(APPEAL);
    }

    @Test
    void givenADocumentChangedByAnotherThreadWhileWritten_whenWritten_thenTheWriteCompletesAndReadsBack()
            throws Exception {
        Document changing = new Document("_id", "appeal-2").append("version", 1);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread updater = new Thread(() -> { // updates in place, key by key, as the library's do, one after another
            for (int i = 0; running.get(); i++) {
                for (int key = 0; key < 16; key++) {
                    changing.put("field-" + ((i + key) % 64), i);
                    changing.remove("field-" + ((i + key + 32) % 64));
                }
                LockSupport.parkNanos(20_000);
            }
        });
        updater.start();
        try {
            for (int i = 0; i < 20_000; i++) {
                Document read = roundTrip(DocumentType.INSTANCE, DocumentType.INSTANCE, changing);
                assertThat(read.get("_id")).isEqualTo("appeal-2");
                DocumentType.INSTANCE.getMemory(changing);
            }
        } finally {
            running.set(false);
            updater.join();
        }
    }

    @SuppressWarnings("unchecked")
    private static Document roundTrip(DataType<?> writer, DataType<Document> reader, Document document) {
        WriteBuffer buffer = new WriteBuffer();
        ((DataType<Object>) writer).write(buffer, document);
        buffer.put((byte) 42); // the next value on the page: a read must stop at its own end
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        Document read = reader.read(bytes);
        assertThat(bytes.get()).isEqualTo((byte) 42);
        return read;
    }
}
