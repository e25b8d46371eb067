package dev.reservation.rig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * Cursor ids the rig hands to clients, each mapped to the backend that opened the cursor and the
 * id that backend gave it (both backends count their cursors from 1, so their ids collide).
 * Thread-safe.
 */
final class Cursors {
    record Ref(Backend backend, long backendId) {
    }

    private final Map<Long, Ref> open = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(7_000_000L);

    /** Rewrites a reply's {@code cursor.id} to a rig id when the backend left the cursor open. */
    BsonDocument adopt(BsonDocument reply, Backend backend) {
        if (!reply.isDocument("cursor")) {
            return reply;
        }
        BsonDocument cursor = reply.getDocument("cursor");
        long id = cursor.getNumber("id").longValue();
        if (id != 0) {
            long rigId = ids.incrementAndGet();
            open.put(rigId, new Ref(backend, id));
            cursor.put("id", new BsonInt64(rigId));
        }
        return reply;
    }

    Ref get(long rigId) {
        return open.get(rigId);
    }

    /** After a getMore: keeps the rig id while the backend's cursor stays open, forgets it at the end. */
    BsonDocument afterGetMore(BsonDocument reply, long rigId) {
        if (reply.isDocument("cursor")) {
            BsonDocument cursor = reply.getDocument("cursor");
            if (cursor.getNumber("id").longValue() == 0) {
                open.remove(rigId);
            } else {
                cursor.put("id", new BsonInt64(rigId));
            }
        }
        return reply;
    }

    void forget(long rigId) {
        open.remove(rigId);
    }
}
