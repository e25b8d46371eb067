package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.mongo.internal.RoomDayClaims.Attempt;
import dev.reservation.mongo.internal.RoomDayClaims.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * The booking protocol: no two CONFIRMED reservations of a room overlap, across any number of
 * processes, using only single-document atomic operations (no transactions).
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li>If a document with the candidate's id exists, or a reservation with its idempotency key:
 *       {@code Replayed}.</li>
 *   <li>Claim the candidate's room-day buckets in ascending order ({@link RoomDayClaims#claim}); a
 *       bucket already holding this reservation id's claim counts as claimed (a retry re-uses it).</li>
 *   <li>If a bucket holds overlapping claims, judge each by its reservation document: CONFIRMED is
 *       a real conflict (or a replay, when it carries our idempotency key); CANCELLED or ABANDONED
 *       is a leftover and is removed; no document and older than {@code orphanAge} is an orphan of a
 *       crashed booker: it is FENCED by inserting a tombstone {@code {_id: rid, status: ABANDONED}}
 *       and then removed; no document and younger is in flight: wait for it (up to
 *       {@code inFlightWait}). On a real conflict the claims made so far are released and the
 *       confirmed overlapping reservations are returned as {@code Conflict}.</li>
 *   <li>With every bucket claimed, insert the reservation document. Success is the commit point:
 *       {@code Booked}. A duplicate {@code _id} means an earlier attempt of this same candidate
 *       landed ({@code Replayed}) or the booking was fenced as abandoned (release, report
 *       unavailable); a duplicate idempotency key means another candidate with our key won
 *       (release, {@code Replayed} of that one).</li>
 * </ol>
 *
 * <h2>Invariant</h2>
 * (I1) Claims in one bucket never overlap: a claim is added only by an update whose filter matches
 * when no claim in that document overlaps, and single-document updates are atomic.
 * (I2) A CONFIRMED reservation holds a claim in every bucket of its slot: its document is inserted
 * only after all claims exist, and a claim is removed only by its own booker before the insert
 * (undo), by cancel after the status became CANCELLED, or by a cleaner that saw CANCELLED or
 * ABANDONED. ABANDONED is inserted under the reservation's own {@code _id}, so once it exists the
 * booker's insert fails: a fenced booking can never become CONFIRMED.
 * Two overlapping slots of one room share the bucket of the later start; by (I2) both would hold
 * claims there, by (I1) they cannot: no double booking.
 *
 * <h2>Crash analysis</h2>
 * Crash after some claims, before the insert: orphan claims, no document. They block overlapping
 * bookings for at most {@code orphanAge}, then are fenced and removed. A retry of the same candidate
 * (same id, e.g. after an unknown outcome) re-uses them. Crash after the insert: the booking is
 * complete. Crash during undo after a conflict: orphan claims as above. Crash in cancel between the
 * status change and the release: claims of a CANCELLED reservation, removed on first contact.
 * A slow (not crashed) booker that is fenced learns it at its insert and reports "not booked".
 * Liveness depends on {@code orphanAge} exceeding the longest booking; safety does not (fencing
 * makes clock skew and pauses harmless). Thread-safe (stateless apart from its collaborators).
 */
public final class Booking {
    /** Times the protocol depends on; {@code orphanAge} for liveness only, never for safety. */
    public record Timing(Clock clock, Duration orphanAge, Duration inFlightWait) {
        public Timing {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(orphanAge, "orphanAge");
            Objects.requireNonNull(inFlightWait, "inFlightWait");
        }
    }

    private static final int MAX_ROUNDS = 200;
    private static final int MAX_PASSES = 5;

    private final MongoCollection<Document> reservations;
    private final RoomDayClaims claims;
    private final Timing timing;
    private final ReadYourWrites readYourWrites;

    Booking(MongoCollection<Document> reservations, RoomDayClaims claims, Timing timing, ReadYourWrites readYourWrites) {
        this.reservations = reservations;
        this.claims = claims;
        this.timing = timing;
        this.readYourWrites = readYourWrites;
    }

    /** Judgement of the claims blocking a bucket. */
    private enum Verdict { RETRY, WAIT, CONFLICT }

    BookingOutcome book(Reservation candidate) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Optional<BookingOutcome> outcome = bookOnce(candidate);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        throw new StoreUnavailableException("room " + candidate.roomId() + " changed too often while booking; "
                + "nothing was booked, try again", null);
    }

    /** One pass of the protocol; empty when the blockers vanished and the pass must start over. */
    private Optional<BookingOutcome> bookOnce(Reservation candidate) {
        Optional<BookingOutcome> replay = replayOf(candidate);
        if (replay.isPresent()) {
            return replay;
        }
        List<String> buckets = RoomDayClaims.bucketIds(candidate.roomId(), candidate.slot());
        Instant waitingSince = null;
        int next = 0;
        for (int round = 0; round < MAX_ROUNDS && next < buckets.size(); round++) {
            Attempt attempt = claims.claim(buckets.get(next), candidate, timing.clock().instant());
            if (attempt.claimed()) {
                next++;
                continue;
            }
            Judgement j = judge(buckets.get(next), attempt.blockers(), candidate);
            if (j.replayed != null) {
                claims.release(buckets.subList(0, next), candidate.id());
                return Optional.of(new BookingOutcome.Replayed(j.replayed));
            }
            if (j.verdict == Verdict.CONFLICT) {
                claims.release(buckets.subList(0, next), candidate.id());
                return confirmedConflicts(candidate);
            }
            if (j.verdict == Verdict.WAIT) {
                Instant now = timing.clock().instant();
                waitingSince = waitingSince == null ? now : waitingSince;
                if (Duration.between(waitingSince, now).compareTo(timing.inFlightWait()) > 0) {
                    claims.release(buckets.subList(0, next), candidate.id());
                    throw new StoreUnavailableException("room " + candidate.roomId() + " is being booked for an "
                            + "overlapping time by another request right now; nothing was booked, try again", null);
                }
                pause(round);
            }
        }
        if (next < buckets.size()) {
            claims.release(buckets.subList(0, next), candidate.id());
            throw new StoreUnavailableException("could not settle the claims on room " + candidate.roomId()
                    + "; nothing was booked, try again", null);
        }
        return Optional.of(insert(candidate, buckets));
    }

    private Optional<BookingOutcome> replayOf(Reservation candidate) {
        Document sameId = reservations.find(Filters.eq(Documents.ID, candidate.id())).first();
        if (sameId != null) {
            if (!Documents.isReservation(sameId)) {
                throw abandoned(candidate);
            }
            return Optional.of(new BookingOutcome.Replayed(Documents.reservation(sameId)));
        }
        if (candidate.idempotencyKey() != null) {
            Document sameKey = reservations.find(Filters.eq("idempotencyKey", candidate.idempotencyKey())).first();
            if (sameKey != null && Documents.isReservation(sameKey)) {
                return Optional.of(new BookingOutcome.Replayed(Documents.reservation(sameKey)));
            }
        }
        return Optional.empty();
    }

    private record Judgement(Verdict verdict, Reservation replayed) {
    }

    private Judgement judge(String bucket, List<Claim> blockers, Reservation candidate) {
        Verdict verdict = Verdict.RETRY;
        for (Claim c : blockers) {
            Document owner = reservations.find(Filters.eq(Documents.ID, c.rid())).first();
            if (owner == null) {
                Duration age = Duration.between(c.claimedAt(), timing.clock().instant());
                if (age.compareTo(timing.orphanAge()) < 0) {
                    verdict = verdict == Verdict.CONFLICT ? verdict : Verdict.WAIT;
                    continue;
                }
                if (!fence(c.rid())) {
                    verdict = verdict == Verdict.CONFLICT ? verdict : Verdict.WAIT; // it just landed: look again
                    continue;
                }
                claims.removeStale(bucket, c);
            } else if (ReservationStatus.CONFIRMED.name().equals(owner.getString("status"))) {
                Reservation holder = Documents.reservation(owner);
                if (candidate.idempotencyKey() != null && candidate.idempotencyKey().equals(holder.idempotencyKey())) {
                    return new Judgement(Verdict.CONFLICT, holder);
                }
                verdict = Verdict.CONFLICT;
            } else {
                claims.removeStale(bucket, c); // CANCELLED or ABANDONED: a leftover
            }
        }
        return new Judgement(verdict, null);
    }

    /** Inserts the tombstone that makes an orphan claim's booking impossible; false if it landed first. */
    private boolean fence(String rid) {
        try {
            reservations.insertOne(new Document(Documents.ID, rid).append("status", Documents.ABANDONED)
                    .append("abandonedAt", Documents.date(timing.clock().instant())));
            return true;
        } catch (MongoException e) {
            if (!MongoFailures.isDuplicateKey(e)) {
                throw e;
            }
            Document now = reservations.find(Filters.eq(Documents.ID, rid)).first();
            return now != null && !Documents.isReservation(now);
        }
    }

    /** The confirmed reservations overlapping the candidate; empty if the blocker was cancelled meanwhile. */
    private Optional<BookingOutcome> confirmedConflicts(Reservation candidate) {
        List<Reservation> confirmed = reservations.find(Filters.and(Filters.eq("roomId", candidate.roomId()),
                        Filters.eq("status", ReservationStatus.CONFIRMED.name()),
                        Filters.lt("start", Documents.date(candidate.slot().end())),
                        Filters.gt("end", Documents.date(candidate.slot().start()))))
                .sort(Sorts.ascending("start", Documents.ID))
                .map(Documents::reservation).into(new ArrayList<>());
        return confirmed.isEmpty() ? Optional.empty() : Optional.of(new BookingOutcome.Conflict(confirmed));
    }

    private BookingOutcome insert(Reservation candidate, List<String> buckets) {
        try {
            readYourWrites.write(s -> reservations.insertOne(s, Documents.reservation(candidate)),
                    () -> reservations.insertOne(Documents.reservation(candidate)));
            return new BookingOutcome.Booked(candidate);
        } catch (MongoException e) {
            if (!MongoFailures.isDuplicateKey(e)) {
                throw e;
            }
        }
        Document sameId = reservations.find(Filters.eq(Documents.ID, candidate.id())).first();
        if (sameId != null && Documents.isReservation(sameId)) {
            return new BookingOutcome.Replayed(Documents.reservation(sameId)); // our earlier attempt landed
        }
        claims.release(buckets, candidate.id());
        if (sameId != null) {
            throw abandoned(candidate);
        }
        Document sameKey = candidate.idempotencyKey() == null ? null
                : reservations.find(Filters.eq("idempotencyKey", candidate.idempotencyKey())).first();
        if (sameKey == null || !Documents.isReservation(sameKey)) {
            throw new StoreUnavailableException("booking " + candidate.id() + " was refused by a unique index "
                    + "for an unknown reason; nothing was booked, try again", null);
        }
        return new BookingOutcome.Replayed(Documents.reservation(sameKey));
    }

    private static StoreUnavailableException abandoned(Reservation candidate) {
        return new StoreUnavailableException("booking " + candidate.id() + " took too long and was abandoned; "
                + "nothing was booked under that id, book again", null);
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(5L << Math.min(round, 5), 100L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a concurrent booking", e);
        }
    }
}
