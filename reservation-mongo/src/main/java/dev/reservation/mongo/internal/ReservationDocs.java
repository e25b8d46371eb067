package dev.reservation.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The reservation documents as the booking protocol writes and reads them: inserts that say which
 * unique index refused them, tombstones, and lookups. Inserts go through {@code bulkWrite} so that a
 * duplicate key that arrives with a write-concern error is never mistaken for proof of a committed
 * document: such a failure is rethrown (outcome unknown), and a bare duplicate key means the
 * colliding document is majority-committed, so a majority read then sees it. Reads use the
 * collection's majority read concern. Thread-safe.
 */
final class ReservationDocs {
    /** What an insert did. */
    enum Insert { INSERTED, DUPLICATE_ID, DUPLICATE_KEY }

    private final MongoCollection<Document> reservations;
    private final ReadYourWrites readYourWrites;

    ReservationDocs(MongoCollection<Document> reservations, ReadYourWrites readYourWrites) {
        this.reservations = reservations;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Inserts {@code doc} with majority write concern.
     *
     * @throws MongoBulkWriteException with a write-concern error (applied or not: unknown) or another write error
     */
    Insert insert(Document doc) {
        List<InsertOneModel<Document>> model = List.of(new InsertOneModel<>(doc));
        try {
            readYourWrites.write(s -> reservations.bulkWrite(s, model), () -> reservations.bulkWrite(model));
            return Insert.INSERTED;
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().size() != 1
                    || e.getWriteErrors().get(0).getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return refusedIndex(e.getWriteErrors().get(0)).contains(Documents.IDEMPOTENCY_SCOPE) ? Insert.DUPLICATE_KEY
                    : Insert.DUPLICATE_ID;
        }
    }

    /**
     * The tombstone that makes booking {@code rid} (of room {@code roomId}) impossible from now on. It
     * carries the room so that on a sharded cluster it lands on the shard the booking's insert goes to,
     * where the duplicate {@code _id} is detected.
     */
    Insert insertTombstone(String rid, String roomId, Instant at) {
        Document tombstone = new Document(Documents.ID, rid);
        if (roomId != null) { // unknown only for a quota hold written without its room (none are)
            tombstone.append("roomId", roomId);
        }
        return insert(tombstone.append("status", Documents.ABANDONED).append("abandonedAt", Documents.date(at)));
    }

    private static String refusedIndex(BulkWriteError error) {
        String message = String.valueOf(error.getMessage());
        int at = message.indexOf("index: ");
        return at < 0 ? "" : message.substring(at);
    }

    Document byId(String id) {
        return reservations.find(Filters.eq(Documents.ID, id)).first();
    }

    Map<String, Document> byIds(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (!ids.isEmpty()) {
            reservations.find(Filters.in(Documents.ID, ids)).forEach(d -> found.put(d.getString(Documents.ID), d));
        }
        return found;
    }

    /** The reservation with this idempotency scope ({@link dev.reservation.core.domain.Reservation#idempotencyScope()}). */
    Document byIdempotencyScope(String scope) {
        return reservations.find(Filters.eq(Documents.IDEMPOTENCY_SCOPE, scope)).first();
    }
}
