package de.bwaldvogel.mongo.backend.h2;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the MVStore writes {@link IndexTuple}s. Left to H2's default, a key of a class H2 does not know is
 * written with Java serialisation, one stream per key, and that made page writes (every changed page of
 * every index, at each commit) the largest cost of an insert. Here an instant is two numbers and
 * every other value goes to H2's own {@link ObjectDataType}, which writes strings, numbers and booleans
 * natively (and serialises only the rare other kinds).
 *
 * <p>The format is only ever read by this class: index maps are rebuilt from the documents when their
 * database opens, apart from a unique index whose size matches its collection's.
 */
final class IndexTupleType extends BasicDataType<IndexTuple> {

    static final IndexTupleType INSTANCE = new IndexTupleType();

    private static final int INSTANT = 0;
    private static final int OTHER = 1;

    private final ObjectDataType values = new ObjectDataType();

    private IndexTupleType() {
    }

    @Override
    public int getMemory(IndexTuple tuple) {
        return 24 + 32 * tuple.size();
    }

    @Override
    public void write(WriteBuffer buffer, IndexTuple tuple) {
        buffer.putVarInt(tuple.size());
        for (int i = 0; i < tuple.size(); i++) {
            Object value = tuple.get(i);
            if (value instanceof Instant instant) {
                buffer.put((byte) INSTANT).putVarLong(instant.getEpochSecond()).putVarInt(instant.getNano());
            } else {
                buffer.put((byte) OTHER);
                values.write(buffer, value);
            }
        }
    }

    @Override
    public IndexTuple read(ByteBuffer buffer) {
        Object[] tuple = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < tuple.length; i++) {
            tuple[i] = buffer.get() == INSTANT
                    ? Instant.ofEpochSecond(DataUtils.readVarLong(buffer), DataUtils.readVarInt(buffer))
                    : values.read(buffer);
        }
        return new IndexTuple(tuple);
    }

    @Override
    public int compare(IndexTuple a, IndexTuple b) {
        return a.compareTo(b);
    }

    @Override
    public IndexTuple[] createStorage(int size) {
        return new IndexTuple[size];
    }
}
