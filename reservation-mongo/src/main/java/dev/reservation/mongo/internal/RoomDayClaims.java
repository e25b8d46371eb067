package dev.reservation.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Claims on the {@code room_days} buckets: one document per room and UTC day holding the slots
 * claimed in it. A claim is pushed by ONE conditional update that matches only when no claim in
 * that document overlaps, so two claims in one bucket never overlap, whichever process makes them.
 * Every slot claims every UTC day it touches, so two overlapping slots of one room always meet in
 * the bucket of the later start.
 *
 * <p>When a claim was made is stamped by the <em>server</em> ({@code $currentDate} into
 * {@code since.<hex of the reservation id>}), so that judging a claim's age never depends on the
 * clocks of the application instances. Every write goes through {@code bulkWrite}, whose exception
 * carries both a write error and a write-concern error (the single-document methods drop the
 * latter): a duplicate key without a write-concern error proves the state it collided with is
 * majority-committed. Driver exceptions pass through (callers translate). Thread-safe.
 */
final class RoomDayClaims {
    static final String CLAIMS = "claims";
    static final String SINCE = "since";

    /** A claim found in a bucket: whose it is, its slot, and when the server stamped it. */
    record Claim(String rid, TimeSlot slot, Instant since) {
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
        List<String> ids = new ArrayList<>();
        for (String day : Documents.days(slot)) {
            ids.add(roomId + "|" + day);
        }
        return ids;
    }

    /** The field of a bucket that holds when the server stamped {@code rid}'s claim (ids may hold '.' or '$'). */
    static String sinceField(String rid) {
        return SINCE + "." + HexFormat.of().formatHex(rid.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Claims {@code bucket} for the reservation unless an overlapping claim is there. A bucket that
     * already holds this reservation id's claim counts as claimed (a retry re-uses its claims); a
     * claim seen only through a majority read is a committed one.
     *
     * @throws MongoBulkWriteException with a write-concern error: the outcome is unknown
     */
    Attempt claim(String bucket, Reservation r) {
        TimeSlot slot = r.slot();
        Bson noOverlap = Filters.not(Filters.elemMatch(CLAIMS, Filters.and(
                Filters.lt("start", Documents.date(slot.end())), Filters.gt("end", Documents.date(slot.start())))));
        Document claim = new Document("rid", r.id()).append("start", Documents.date(slot.start()))
                .append("end", Documents.date(slot.end()));
        Bson update = Updates.combine(Updates.push(CLAIMS, claim), Updates.currentDate(sinceField(r.id())),
                Updates.setOnInsert("roomId", r.roomId()), Updates.setOnInsert("day", bucket.substring(bucket.lastIndexOf('|') + 1)));
        try {
            days.bulkWrite(List.of(new UpdateOneModel<>(Filters.and(Filters.eq(Documents.ID, bucket), noOverlap), update,
                    new UpdateOptions().upsert(true))));
            return new Attempt(true, List.of());
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(w -> w.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // the bucket exists and held an overlapping claim (or a concurrent upsert won): look
        }
        return inspect(bucket, r);
    }

    private Attempt inspect(String bucket, Reservation r) {
        Document doc = days.find(Filters.eq(Documents.ID, bucket)).first();
        List<Claim> blockers = new ArrayList<>();
        for (Claim c : claims(doc)) {
            if (c.rid().equals(r.id())) {
                return new Attempt(true, List.of());
            }
            if (c.slot().overlaps(r.slot())) {
                blockers.add(c);
            }
        }
        return new Attempt(false, blockers);
    }

    /** The ids of other reservations whose claims in {@code buckets} overlap {@code slot} (committed state). */
    Set<String> overlapping(List<String> buckets, TimeSlot slot, String exceptRid) {
        Set<String> rids = new LinkedHashSet<>();
        for (Document doc : days.find(Filters.in(Documents.ID, buckets))) {
            for (Claim c : claims(doc)) {
                if (!c.rid().equals(exceptRid) && c.slot().overlaps(slot)) {
                    rids.add(c.rid());
                }
            }
        }
        return rids;
    }

    private static List<Claim> claims(Document doc) {
        if (doc == null) {
            return List.of();
        }
        Document since = doc.get(SINCE, Document.class);
        List<Claim> out = new ArrayList<>();
        for (Document d : doc.getList(CLAIMS, Document.class, List.of())) {
            String rid = d.getString("rid");
            Date stamped = since == null ? null : since.getDate(sinceField(rid).substring(SINCE.length() + 1));
            if (stamped == null) {
                stamped = d.getDate("claimedAt"); // written by schema-1 code before server stamps
            }
            out.add(new Claim(rid, new TimeSlot(d.getDate("start").toInstant(), d.getDate("end").toInstant()),
                    stamped == null ? Instant.EPOCH : stamped.toInstant()));
        }
        return out;
    }

    /**
     * Removes reservation {@code rid}'s claims from the buckets, in one round trip (idempotent).
     * Only for a reservation that can never be CONFIRMED: its tombstone or its CANCELLED status is
     * majority-committed (see {@link BookingProtocol}).
     */
    void remove(List<String> buckets, String rid) {
        if (buckets.isEmpty()) {
            return;
        }
        Bson update = Updates.combine(Updates.pull(CLAIMS, new Document("rid", rid)), Updates.unset(sinceField(rid)));
        days.bulkWrite(buckets.stream().map(b -> new UpdateOneModel<Document>(Filters.eq(Documents.ID, b), update)).toList());
    }
}
