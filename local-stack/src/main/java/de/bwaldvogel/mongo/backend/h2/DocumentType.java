package de.bwaldvogel.mongo.backend.h2;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.LockSupport;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the MVStore writes a collection's documents: as BSON, the form they arrive in. H2's default writes a
 * document with Java serialisation (a stream per document, class descriptors included), and it writes
 * every document of a changed page at each commit, so one update of a large collection cost the
 * serialisation of the dozen or so documents sharing its page. BSON is several times cheaper and smaller.
 *
 * <p>A value starts with {@link #BSON}, a tag H2's own {@link ObjectDataType} never writes first, so
 * documents written before this type (Java-serialised) are still read, and rewritten as BSON when their
 * page next changes. The plain library cannot read a file written here.
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    /** Outside ObjectDataType's tags, which are all below 128. */
    private static final byte BSON = (byte) 0xB5;

    /** Encodings of one document tried, 10 µs apart, before giving up (see {@link #write}): an update takes µs. */
    private static final int MAX_ENCODINGS = 10_000;
    /** The cache's estimate of a document that changed while it was measured: a typical appeal's. */
    private static final int UNKNOWN_SIZE = 2048;

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private final ObjectDataType earlier = new ObjectDataType();

    private DocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        try {
            return estimate(document);
        } catch (ConcurrentModificationException | NoSuchElementException changedMeanwhile) {
            return UNKNOWN_SIZE; // an estimate for the cache only; see write
        }
    }

    /** The in-memory size H2 uses to split pages and fill its cache, roughly and without encoding. */
    private static int estimate(Object value) {
        if (value instanceof String string) {
            return 40 + string.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 72 + estimate(entry.getValue()) + entry.getKey().toString().length();
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 40;
            for (Object element : collection) {
                size += 8 + estimate(element);
            }
            return size;
        }
        return 24;
    }

    /**
     * The library updates a stored document in place ({@code AbstractMongoCollection.updateDocument}) and then puts
     * it again, so the MVStore's background writer can meet a document while another thread changes it: the
     * encoder's iteration then throws {@link ConcurrentModificationException} (or runs off the changed entries), and an exception here closes the
     * store. That put marks the page changed, so the page is written again at the next commit and this copy only
     * has to be readable: encoding again until one pass sees no change is enough (Java serialisation, H2's
     * default, never checked at all).
     */
    @Override
    public void write(WriteBuffer buffer, Document document) {
        for (int attempt = 1; ; attempt++) {
            try {
                byte[] encoded = encode(document); // before the tag: a failed pass leaves the page untouched
                buffer.put(BSON).put(encoded);
                return;
            } catch (ConcurrentModificationException | NoSuchElementException changedMeanwhile) {
                if (attempt == MAX_ENCODINGS) {
                    throw changedMeanwhile;
                }
                LockSupport.parkNanos(10_000); // let the update finish
            }
        }
    }

    /**
     * The document's BSON, length-prefixed; nothing is written to the page until it is complete. Encoded into
     * one buffer per thread, reused: a buffer per document (grown as it filled, then copied twice) was the
     * largest allocation of a bulk insert in a JFR recording, a minute in which GC paused the server for half.
     */
    private static byte[] encode(Document document) {
        ByteBuf bson = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        int length = bson.readableBytes();
        ByteBuffer result = ByteBuffer.allocate(DataUtils.getVarIntLen(length) + length);
        DataUtils.writeVarInt(result, length);
        bson.readBytes(result.array(), result.position(), length);
        return result.array();
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) earlier.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
