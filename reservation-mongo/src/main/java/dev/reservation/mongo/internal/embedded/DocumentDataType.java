package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's documents are stored in its MVStore map: as BSON (the wire format the server
 * decodes them from anyway), one marker byte ({@link #BSON}) first. MVStore's default
 * {@link ObjectDataType} Java-serializes a document: about twice the bytes (class descriptors in
 * every value) and several times the CPU, on every page written (each commit rewrites the pages it
 * changed) and read, and on every compaction. Anything else, and every value a data file written
 * before holds (their first byte is one of ObjectDataType's tags, all below {@code 0x78}), goes
 * through ObjectDataType, so such files stay readable and are rewritten as BSON page by page.
 *
 * <p>BSON keeps every type a document can hold on the wire; dates keep milliseconds, as BSON dates
 * do (what a client is ever shown). A document holding a value BSON has no type for (none arrives
 * from a client) is Java-serialized as before. Stateless and thread-safe.
 */
final class DocumentDataType extends BasicDataType<Object> {
    static final DocumentDataType INSTANCE = new DocumentDataType();
    /** Not a tag of {@link ObjectDataType} (whose tags end with byte arrays at 104..119). */
    static final byte BSON = 0x7f;

    private final ObjectDataType other = new ObjectDataType();

    private DocumentDataType() {
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document d ? estimate(d) : other.getMemory(value);
    }

    /** A cheap estimate of the heap a document takes, for MVStore's cache accounting (no encoding). */
    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> m) {
            int bytes = 80;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                bytes += 48 + 2 * e.getKey().toString().length() + estimate(e.getValue());
            }
            return bytes;
        } else if (value instanceof Collection<?> c) {
            int bytes = 40;
            for (Object o : c) {
                bytes += 8 + estimate(o);
            }
            return bytes;
        } else if (value instanceof String s) {
            return 40 + s.length();
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document d)) {
            other.write(buff, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(d, bson);
        } catch (IllegalArgumentException e) {
            other.write(buff, value); // a value BSON has no type for (a Short, say): kept exactly, Java-serialized
            return;
        }
        buff.put(BSON);
        buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return other.read(buff);
        }
        int start = buff.position() + 1;
        int length = (buff.get(start) & 0xff) | (buff.get(start + 1) & 0xff) << 8 | (buff.get(start + 2) & 0xff) << 16
                | (buff.get(start + 3) & 0xff) << 24;
        ByteBuffer slice = buff.duplicate();
        slice.position(start).limit(start + length);
        Document d = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
        buff.position(start + length);
        return d;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public int compare(Object a, Object b) {
        return other.compare(a, b);
    }
}
