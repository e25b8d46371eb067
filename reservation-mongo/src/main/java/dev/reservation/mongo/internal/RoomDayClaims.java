package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Claims on the {@code room_days} buckets: one document per room and UTC day holding the slots
 * claimed in it. A claim is pushed by ONE conditional update that matches only when no claim in
 * that document overlaps, so two claims in one bucket never overlap, whichever process makes them.
 * Every slot claims every UTC day it touches, so two overlapping slots of one room always meet in
 * the bucket of the later start. Driver exceptions pass through (callers translate). Thread-safe.
 */
final class RoomDayClaims {
    static final String CLAIMS = "claims";

    /** A claim found in a bucket: whose it is, its slot, and when it was made. */
    record Claim(String rid, TimeSlot slot, Instant claimedAt) {
        static Claim of(Document d) {
            return new Claim(d.getString("rid"), new TimeSlot(d.getDate("start").toInstant(), d.getDate("end").toInstant()),
                    d.getDate("claimedAt").toInstant());
        }
    }

    /** What one claim attempt found: {@code claimed}, or the claims of others that overlap. */
    record Attempt(boolean claimed, List<Claim> blockers) {
    }

    private final MongoCollection<Document> days;

    RoomDayClaims(MongoCollection<Document> days) {
        this.days = days;
    }

    /** The bucket ids a slot of a room touches, in ascending (claiming) order. */
    static List<String> bucketIds(String roomId, TimeSlot slot) {
        LocalDate first = LocalDate.ofInstant(slot.start(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(slot.end().minusMillis(1), ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            ids.add(roomId + "|" + d);
        }
        return ids;
    }

    /**
     * Claims {@code bucket} for the reservation unless an overlapping claim is there. Re-claiming
     * with the same reservation id succeeds (the earlier claim is its own), so a retried booking
     * re-uses its claims.
     */
    Attempt claim(String bucket, Reservation r, Instant now) {
        TimeSlot slot = r.slot();
        Bson noOverlap = Filters.not(Filters.elemMatch(CLAIMS, Filters.and(
                Filters.lt("start", Documents.date(slot.end())), Filters.gt("end", Documents.date(slot.start())))));
        Document claim = new Document("rid", r.id()).append("start", Documents.date(slot.start()))
                .append("end", Documents.date(slot.end())).append("claimedAt", Date.from(now));
        Bson update = Updates.combine(Updates.push(CLAIMS, claim),
                Updates.setOnInsert("roomId", r.roomId()), Updates.setOnInsert("day", bucket.substring(bucket.lastIndexOf('|') + 1)));
        try {
            UpdateResult result = days.updateOne(Filters.and(Filters.eq(Documents.ID, bucket), noOverlap), update,
                    new UpdateOptions().upsert(true));
            if (result.getMatchedCount() > 0 || result.getUpsertedId() != null) {
                return new Attempt(true, List.of());
            }
        } catch (MongoException e) {
            if (!MongoFailures.isDuplicateKey(e)) {
                throw e;
            }
            // the bucket exists and holds an overlapping claim (or a concurrent upsert won): look
        }
        return inspect(bucket, r);
    }

    private Attempt inspect(String bucket, Reservation r) {
        Document doc = days.find(Filters.eq(Documents.ID, bucket)).first();
        List<Claim> blockers = new ArrayList<>();
        if (doc != null) {
            for (Document d : doc.getList(CLAIMS, Document.class, List.of())) {
                Claim c = Claim.of(d);
                if (c.rid().equals(r.id())) {
                    return new Attempt(true, List.of());
                }
                if (c.slot().overlaps(r.slot())) {
                    blockers.add(c);
                }
            }
        }
        return new Attempt(false, blockers);
    }

    /** Removes the claims of reservation {@code rid} from the buckets (idempotent). */
    void release(List<String> buckets, String rid) {
        for (String bucket : buckets) {
            days.updateOne(Filters.eq(Documents.ID, bucket), Updates.pull(CLAIMS, new Document("rid", rid)));
        }
    }

    /** Removes one stale claim, only if it is still the one seen (same reservation, same claim time). */
    void removeStale(String bucket, Claim stale) {
        days.updateOne(Filters.eq(Documents.ID, bucket), Updates.pull(CLAIMS,
                new Document("rid", stale.rid()).append("claimedAt", Date.from(stale.claimedAt()))));
    }
}
