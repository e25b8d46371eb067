package dev.reservation.mongo.audit;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.mongo.internal.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The stored state as the raw collections hold it, read with a client of its own (not through the
 * store under test) from the primary at majority read concern: every reservation document
 * (tombstones too) and every claim of every room-day bucket. What the checkers of {@link Invariants}
 * and of the failover harness read. Immutable.
 */
public record StoredState(List<StoredReservation> reservations, List<StoredClaim> claims) {
    /**
     * One reservation document: status is a {@code ReservationStatus} name or ABANDONED (a tombstone, no slot).
     */
    public record StoredReservation(String id, String roomId, String status, TimeSlot slot, String idempotencyKey) {
        public boolean confirmed() {
            return "CONFIRMED".equals(status);
        }

        /** PENDING, CONFIRMED or HELD: holds claims, and the no-overlap rule covers it. */
        public boolean holdsClaims() {
            return "CONFIRMED".equals(status) || "PENDING".equals(status) || "HELD".equals(status);
        }
    }

    /** One claim in bucket {@code bucket} ({@code roomId|yyyy-mm-dd}). */
    public record StoredClaim(String bucket, String rid, TimeSlot slot) {
    }

    public StoredState {
        reservations = List.copyOf(reservations);
        claims = List.copyOf(claims);
    }

    /**
     * Reads database {@code database} at {@code uri}.
     *
     * @throws StoreUnavailableException when it cannot be read
     */
    public static StoredState read(String uri, String database) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(database).withReadConcern(ReadConcern.MAJORITY)
                    .withReadPreference(ReadPreference.primary());
            List<StoredReservation> reservations = new ArrayList<>();
            for (Document d : db.getCollection(Schema.RESERVATIONS).find()) {
                Instant start = date(d, "start");
                Instant end = date(d, "end");
                reservations.add(new StoredReservation(d.getString("_id"), d.getString("roomId"), d.getString("status"),
                        start == null || end == null ? null : new TimeSlot(start, end), d.getString("idempotencyKey")));
            }
            List<StoredClaim> claims = new ArrayList<>();
            for (Document bucket : db.getCollection(Schema.ROOM_DAYS).find()) {
                for (Document c : bucket.getList("claims", Document.class, List.of())) {
                    claims.add(new StoredClaim(bucket.getString("_id"), c.getString("rid"),
                            new TimeSlot(date(c, "start"), date(c, "end"))));
                }
            }
            return new StoredState(reservations, claims);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot read the stored state of '" + database + "': " + e.getMessage(), e);
        }
    }

    private static Instant date(Document d, String field) {
        return d.getDate(field) == null ? null : d.getDate(field).toInstant();
    }
}
