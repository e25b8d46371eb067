package dev.reservation.rig;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * The part of the MongoDB wire protocol the rig speaks: message framing, {@code OP_MSG} (kind-0
 * body and kind-1 document sequences, folded into the body under their identifier), the legacy
 * {@code OP_QUERY} handshake and its {@code OP_REPLY}. BSON is read and written with the driver's
 * own {@code org.bson} classes. Stateless and thread-safe.
 */
final class Wire {
    static final int OP_REPLY = 1;
    static final int OP_QUERY = 2004;
    static final int OP_MSG = 2013;
    static final int CHECKSUM_PRESENT = 1;
    static final int MORE_TO_COME = 1 << 1;
    private static final int MAX_MESSAGE = 48_000_000;
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private Wire() {
    }

    /** One request as the rig sees it: the command document (with {@code $db}), and how to answer. */
    record Request(int requestId, int opCode, int flags, BsonDocument command, String database) {
        String name() {
            return command.getFirstKey();
        }

        boolean moreToCome() {
            return opCode == OP_MSG && (flags & MORE_TO_COME) != 0;
        }
    }

    /** Reads one message; null at a clean end of stream. */
    static Request read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] head = new byte[16];
        try {
            in.readFully(head);
        } catch (EOFException e) {
            return null;
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int length = h.getInt();
        int requestId = h.getInt();
        h.getInt(); // responseTo
        int opCode = h.getInt();
        if (length < 16 || length > MAX_MESSAGE) {
            throw new IOException("bad message length " + length);
        }
        byte[] body = new byte[length - 16];
        in.readFully(body);
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        return switch (opCode) {
            case OP_MSG -> readMsg(requestId, b);
            case OP_QUERY -> readQuery(requestId, b);
            default -> throw new IOException("unsupported opCode " + opCode);
        };
    }

    private static Request readMsg(int requestId, ByteBuffer b) throws IOException {
        int flags = b.getInt();
        int end = b.limit() - ((flags & CHECKSUM_PRESENT) != 0 ? 4 : 0);
        BsonDocument body = null;
        BsonDocument sequences = new BsonDocument();
        while (b.position() < end) {
            byte kind = b.get();
            if (kind == 0) {
                body = document(b);
            } else if (kind == 1) {
                int start = b.position();
                int size = b.getInt();
                String identifier = cstring(b);
                BsonArray docs = new BsonArray();
                while (b.position() < start + size) {
                    docs.add(document(b));
                }
                sequences.put(identifier, docs);
            } else {
                throw new IOException("unsupported OP_MSG section kind " + kind);
            }
        }
        if (body == null) {
            throw new IOException("OP_MSG without a body");
        }
        body.putAll(sequences);
        String db = body.containsKey("$db") ? body.getString("$db").getValue() : "admin";
        return new Request(requestId, OP_MSG, flags, body, db);
    }

    private static Request readQuery(int requestId, ByteBuffer b) throws IOException {
        int flags = b.getInt();
        String collection = cstring(b);
        b.getInt(); // numberToSkip
        b.getInt(); // numberToReturn
        BsonDocument query = document(b);
        if (query.containsKey("$query") && query.get("$query").isDocument()) {
            query = query.getDocument("$query");
        }
        if (!collection.endsWith(".$cmd")) {
            throw new IOException("OP_QUERY is supported only for commands, not on " + collection);
        }
        return new Request(requestId, OP_QUERY, flags, query, collection.substring(0, collection.length() - 5));
    }

    /** Writes the answer to {@code request} in the op code it expects. */
    static void reply(OutputStream out, int ownRequestId, Request request, BsonDocument reply) throws IOException {
        out.write(request.opCode() == OP_QUERY ? opReply(ownRequestId, request.requestId(), reply)
                : opMsg(ownRequestId, request.requestId(), 0, reply));
        out.flush();
    }

    static byte[] opMsg(int requestId, int responseTo, int flags, BsonDocument body) {
        byte[] doc = bytes(body);
        ByteBuffer b = header(16 + 4 + 1 + doc.length, requestId, responseTo, OP_MSG);
        b.putInt(flags).put((byte) 0).put(doc);
        return b.array();
    }

    private static byte[] opReply(int requestId, int responseTo, BsonDocument reply) {
        byte[] doc = bytes(reply);
        ByteBuffer b = header(16 + 20 + doc.length, requestId, responseTo, OP_REPLY);
        b.putInt(8).putLong(0).putInt(0).putInt(1).put(doc); // flags AwaitCapable, cursor 0, from 0, one doc
        return b.array();
    }

    /** Reads the {@code OP_MSG} answer to a request this process sent (used towards the backends). */
    static BsonDocument readReply(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] head = new byte[16];
        in.readFully(head);
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int length = h.getInt();
        h.getInt();
        h.getInt();
        int opCode = h.getInt();
        byte[] body = new byte[length - 16];
        in.readFully(body);
        if (opCode != OP_MSG) {
            throw new IOException("backend answered with opCode " + opCode);
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        b.getInt();
        if (b.get() != 0) {
            throw new IOException("backend reply without a body section first");
        }
        return document(b);
    }

    private static ByteBuffer header(int length, int requestId, int responseTo, int opCode) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(length).putInt(requestId).putInt(responseTo).putInt(opCode);
    }

    static byte[] bytes(BsonDocument doc) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            CODEC.encode(writer, doc, EncoderContext.builder().build());
        }
        return buffer.toByteArray();
    }

    private static BsonDocument document(ByteBuffer b) {
        int size = b.getInt(b.position());
        ByteBuffer slice = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit(size);
        BsonDocument doc;
        try (BsonBinaryReader reader = new BsonBinaryReader(slice)) {
            doc = CODEC.decode(reader, DecoderContext.builder().build());
        }
        b.position(b.position() + size);
        return doc;
    }

    private static String cstring(ByteBuffer b) {
        int start = b.position();
        while (b.get() != 0) {
            // scan to the terminating NUL
        }
        return new String(b.array(), b.arrayOffset() + start, b.position() - start - 1, StandardCharsets.UTF_8);
    }
}
