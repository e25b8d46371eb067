package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Loads many reservations at once, straight into the collections the booking protocol keeps, for
 * benchmarks and tests of the store at scale (never a production path). It writes what booking
 * them one by one would have left: each reservation document as {@link Documents#reservation}
 * makes it, and for every CONFIRMED one a claim in every room-day bucket its slot touches, stamped
 * {@code claimedAt}, so the protocol's invariants hold: claims in one bucket never overlap (I1), a
 * confirmed reservation holds a claim in every bucket of its slot (I2). CANCELLED reservations hold
 * no claims, as after a cancellation.
 *
 * <p>It refuses input that would break them (two confirmed reservations of a room that overlap)
 * and buckets that already exist: load into room-days nobody has booked yet, while nobody books
 * them, since it bypasses the protocol's claims. Inserts in batches of {@link #BATCH} documents
 * (one insert command each). Stateless.
 */
public final class BulkLoad {
    /**
     * Documents per insert command. On the embedded store one command is one commit, and one
     * commit one MVStore chunk, which its compaction rewrites only whole and only when the chunk's
     * live pages fit in a step (4 MB): 5,000 reservations with their index entries made chunks of
     * megabytes that compaction could not rewrite until most of them had died, and a fill to 10^6
     * left a file of 2-3.4 GB (863 MB in an earlier run of the same code).
     */
    public static final int BATCH = 500;

    private BulkLoad() {
    }

    /**
     * Inserts {@code reservations} (CONFIRMED or CANCELLED, ids unused) and the buckets of the
     * confirmed ones into {@code db}.
     *
     * @return the number of room-day buckets written
     * @throws IllegalArgumentException when two confirmed reservations of one room overlap
     * @throws IllegalStateException when a bucket they need exists already
     */
    public static int insert(MongoDatabase db, List<Reservation> reservations, Instant claimedAt) {
        Map<String, Document> buckets = new LinkedHashMap<>();
        Map<String, List<TimeSlot>> slotsByBucket = new LinkedHashMap<>();
        List<Document> docs = new ArrayList<>(reservations.size());
        for (Reservation r : reservations) {
            docs.add(Documents.reservation(r));
            if (!r.isConfirmed()) {
                continue;
            }
            for (String id : RoomDayClaims.bucketIds(r.roomId(), r.slot())) {
                List<TimeSlot> taken = slotsByBucket.computeIfAbsent(id, k -> new ArrayList<>());
                for (TimeSlot other : taken) {
                    if (other.overlaps(r.slot())) {
                        throw new IllegalArgumentException("reservation " + r.id() + " overlaps " + other
                                + " in room " + r.roomId());
                    }
                }
                taken.add(r.slot());
                Document bucket = buckets.computeIfAbsent(id, k -> new Document(Documents.ID, k)
                        .append(RoomDayClaims.CLAIMS, new ArrayList<Document>())
                        .append(RoomDayClaims.SINCE, new Document())
                        .append("roomId", r.roomId()).append("day", k.substring(k.lastIndexOf('|') + 1)));
                bucket.getList(RoomDayClaims.CLAIMS, Document.class).add(new Document("rid", r.id())
                        .append("start", Documents.date(r.slot().start())).append("end", Documents.date(r.slot().end())));
                bucket.get(RoomDayClaims.SINCE, Document.class).append(
                        RoomDayClaims.sinceField(r.id()).substring(RoomDayClaims.SINCE.length() + 1),
                        Documents.date(claimedAt));
            }
        }
        MongoCollection<Document> days = db.getCollection(Schema.ROOM_DAYS);
        List<String> ids = new ArrayList<>(buckets.keySet());
        for (int i = 0; i < ids.size(); i += BATCH) {
            Document existing = days.find(Filters.in(Documents.ID, ids.subList(i, Math.min(ids.size(), i + BATCH))))
                    .first();
            if (existing != null) {
                throw new IllegalStateException("room-day " + existing.getString(Documents.ID) + " holds claims already");
            }
        }
        insertAll(days, new ArrayList<>(buckets.values()));
        insertAll(db.getCollection(Schema.RESERVATIONS), docs);
        return buckets.size();
    }

    private static void insertAll(MongoCollection<Document> collection, List<Document> docs) {
        for (int i = 0; i < docs.size(); i += BATCH) {
            collection.insertMany(docs.subList(i, Math.min(docs.size(), i + BATCH)));
        }
    }
}
