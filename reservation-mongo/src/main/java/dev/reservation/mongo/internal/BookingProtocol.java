package dev.reservation.mongo.internal;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.mongo.internal.RoomDayClaims.Attempt;
import dev.reservation.mongo.internal.RoomDayClaims.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The booking protocol: no two reservations of a room that hold it (PENDING or CONFIRMED: below,
 * "CONFIRMED" always means either; {@link Documents#holdsClaims}) overlap, across any number of
 * processes, crashes and failovers, using only single-document atomic operations (no transactions)
 * with {@code w:"majority"}. The model in {@code docs/model/booking.pml} checks it against every
 * interleaving; {@code docs/model/README.md} maps its steps to the methods here.
 *
 * <h2>Protocol for a candidate R</h2>
 * <ol>
 *   <li><b>Claim</b> R's room-day buckets in ascending order ({@link RoomDayClaims#claim}). A bucket
 *       holding R's own claim counts as claimed (a retry re-uses its claims).</li>
 *   <li>A bucket with overlapping claims: each is <b>judged</b> by its owner's document (read at
 *       majority): CONFIRMED or PENDING is a conflict (a replay when it carries R's idempotency key from R's creator);
 *       a final status (CANCELLED, DECLINED, EXPIRED, AUTO_RELEASED) or ABANDONED is a leftover and is removed; no document and younger than {@code orphanAge} by the
 *       server's clock is in flight (wait, up to {@code inFlightWait}); no document and older is an
 *       orphan of a crashed booker: it is <b>fenced</b> by inserting its tombstone
 *       {@code {_id: rid, roomId, status: ABANDONED}}, then removed.</li>
 *   <li><b>Insert</b> R's document once every bucket is claimed. Acknowledged: {@code Booked}.</li>
 *   <li>Any other ending (a conflict, a replay of another reservation, giving up) first inserts R's
 *       own tombstone (<b>abandon</b>); only once that is acknowledged are R's claims removed and the
 *       answer given. A duplicate {@code _id} there means R's own document landed earlier (a previous
 *       attempt whose outcome was unknown): that is R's answer, {@code Replayed}, and the claims stay.</li>
 * </ol>
 *
 * <h2>What a reply proves on a replica set</h2>
 * An acknowledged {@code w:"majority"} write is committed and survives failover. A write whose
 * write-concern wait fails may have been applied and may still commit or be rolled back: it is
 * <em>outcome unknown</em>, and nothing is concluded from it. A duplicate key without a write-concern
 * error proves the colliding document is committed (mongod waits for the commit point even for a failed
 * write); the protocol uses {@code bulkWrite} so the write-concern error is never dropped. A majority
 * read proves presence (what it shows is committed) but never absence ("not found at majority" may be
 * "applied, not yet committed"): no decision is made on an absence seen by a read.
 *
 * <h2>Invariant</h2>
 * In every majority-committed state: (I1) claims in one bucket never overlap: a claim is added only
 * by an update whose filter matches when none overlaps, and the committed log is a sequence of such
 * atomic updates each applied to the state of the ones before it. (I2) A CONFIRMED reservation holds a
 * claim in every bucket of its slot: its document is inserted only after every claim was acknowledged
 * (committed); a claim of R is removed only after R's tombstone was acknowledged or a final status of R
 * (CANCELLED, DECLINED, EXPIRED, AUTO_RELEASED) was acknowledged or read at majority, all final (a tombstone
 * makes R's insert fail forever; no final status ever returns to PENDING or CONFIRMED). A PENDING R holds
 * its claims like a CONFIRMED one; its approval (PENDING → CONFIRMED) is a CAS on its document alone and
 * leaves the claims as they are, so I2 holds across it. Two overlapping slots of one room share the bucket of the later start; by (I2) both
 * would hold claims there, by (I1) they cannot: no double booking.
 *
 * <h2>Crashes, stalls and rollbacks</h2>
 * A booker that crashes after claiming leaves orphan claims with no document; they block overlapping
 * bookings for at most {@code orphanAge}, then are fenced. A booker whose write times out reports
 * outcome unknown and keeps its claims; the service re-sends the same candidate, which re-uses them; if
 * its insert was rolled back, its claims are orphans, fenced in time. A booker fenced while slow learns
 * it at its insert (duplicate {@code _id} on a committed tombstone) and reports "not booked", which is
 * then certain. Safety never depends on clocks or timing; liveness needs {@code orphanAge} longer than
 * the longest booking, and the commit point to move. Thread-safe (stateless apart from its collaborators).
 */
public final class BookingProtocol {
    /** Times the protocol's liveness depends on; never its safety. */
    public record Timing(Duration orphanAge, Duration inFlightWait) {
        public Timing {
            Objects.requireNonNull(orphanAge, "orphanAge");
            Objects.requireNonNull(inFlightWait, "inFlightWait");
        }
    }

    private static final int MAX_ROUNDS = 200;
    private static final int MAX_PASSES = 5;

    private final ReservationDocs docs;
    private final RoomDayClaims claims;
    private final Timing timing;
    private final Supplier<Instant> serverNow;
    private final Clock clock;

    /**
     * @param serverNow the database server's clock, which judges how old a claim is
     * @param clock stamps tombstones ({@code abandonedAt}, for people; never for decisions)
     */
    BookingProtocol(ReservationDocs docs, RoomDayClaims claims, Timing timing, Supplier<Instant> serverNow, Clock clock) {
        this.docs = docs;
        this.claims = claims;
        this.timing = timing;
        this.serverNow = serverNow;
        this.clock = clock;
    }

    /** How the claims blocking a bucket were judged. */
    private enum Verdict { RETRY, WAIT, CONFLICT }

    private record Judgement(Verdict verdict, Reservation replayOf) {
    }

    BookingOutcome book(Reservation candidate) {
        List<String> buckets = RoomDayClaims.bucketIds(candidate.roomId(), candidate.slot());
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Optional<BookingOutcome> outcome = bookOnce(candidate, buckets);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        return giveUp(candidate, buckets, "room " + candidate.roomId() + " changed too often while booking");
    }

    /** One pass; empty when the conflicts vanished before they could be named and the pass starts over. */
    private Optional<BookingOutcome> bookOnce(Reservation candidate, List<String> buckets) {
        long waitingSince = 0;
        int next = 0;
        for (int round = 0; round < MAX_ROUNDS && next < buckets.size(); round++) {
            Attempt attempt = claims.claim(buckets.get(next), candidate);
            if (attempt.claimed()) {
                next++;
                continue;
            }
            Judgement j = judge(buckets.get(next), attempt.blockers(), candidate);
            if (j.replayOf() != null) {
                return Optional.of(abandon(candidate, buckets).orElse(new BookingOutcome.Replayed(j.replayOf())));
            }
            if (j.verdict() == Verdict.CONFLICT) {
                List<Reservation> conflicts = confirmedConflicts(candidate, buckets);
                if (conflicts.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(abandon(candidate, buckets).orElse(new BookingOutcome.Conflict(conflicts)));
            }
            if (j.verdict() == Verdict.WAIT) {
                long now = System.nanoTime();
                waitingSince = waitingSince == 0 ? now : waitingSince;
                if (now - waitingSince > timing.inFlightWait().toNanos()) {
                    return Optional.of(giveUp(candidate, buckets, "room " + candidate.roomId() + " is being booked for an "
                            + "overlapping time by another request right now"));
                }
            }
            pause(round);
        }
        if (next < buckets.size()) {
            return Optional.of(giveUp(candidate, buckets, "could not settle the claims on room " + candidate.roomId()));
        }
        return Optional.of(insert(candidate, buckets));
    }

    private Judgement judge(String bucket, List<Claim> blockers, Reservation candidate) {
        Verdict verdict = Verdict.RETRY;
        var owners = docs.byIds(blockers.stream().map(Claim::rid).toList());
        Instant now = null;
        for (Claim c : blockers) {
            Document owner = owners.get(c.rid());
            if (owner == null) {
                now = now == null ? serverNow.get() : now;
                if (Duration.between(c.since(), now).compareTo(timing.orphanAge()) < 0 || !fence(c.rid(), candidate.roomId())) {
                    verdict = verdict == Verdict.CONFLICT ? verdict : Verdict.WAIT; // in flight, or it just landed
                    continue;
                }
                claims.remove(List.of(bucket), c.rid());
            } else if (Documents.holdsClaims(owner)) { // PENDING exactly like CONFIRMED: a conflict, never a leftover
                Reservation holder = Documents.reservation(owner);
                if (candidate.idempotencyScope() != null && candidate.idempotencyScope().equals(holder.idempotencyScope())) {
                    return new Judgement(Verdict.CONFLICT, holder);
                }
                verdict = Verdict.CONFLICT;
            } else {
                claims.remove(List.of(bucket), c.rid()); // a final status or ABANDONED (committed): a leftover
            }
        }
        return new Judgement(verdict, null);
    }

    /**
     * Inserts the tombstone that makes an orphan claim's booking impossible; false if its booking landed
     * first. The orphan's claim is in one of {@code roomId}'s buckets, so its booking was for that room:
     * the tombstone carries it, as the booking's insert does (the shard key, docs/scale-out.md).
     */
    private boolean fence(String rid, String roomId) {
        if (docs.insertTombstone(rid, roomId, clock.instant()) == ReservationDocs.Insert.INSERTED) {
            return true;
        }
        Document existing = docs.byId(rid); // committed: a bare duplicate key proves it
        return existing != null && !Documents.isReservation(existing);
    }

    /** The confirmed reservations whose claims in the candidate's buckets overlap it (committed state). */
    private List<Reservation> confirmedConflicts(Reservation candidate, List<String> buckets) {
        List<Reservation> confirmed = new ArrayList<>();
        for (Document d : docs.byIds(claims.overlapping(buckets, candidate.slot(), candidate.id())).values()) {
            if (Documents.holdsClaims(d)) {
                confirmed.add(Documents.reservation(d));
            }
        }
        confirmed.sort(Comparator.comparing((Reservation r) -> r.slot().start()).thenComparing(Reservation::id));
        return confirmed;
    }

    private BookingOutcome insert(Reservation candidate, List<String> buckets) {
        ReservationDocs.Insert result = docs.insert(Documents.reservation(candidate));
        if (result == ReservationDocs.Insert.INSERTED) {
            return new BookingOutcome.Booked(candidate);
        }
        if (result == ReservationDocs.Insert.DUPLICATE_ID) {
            Document same = docs.byId(candidate.id());
            if (same == null) {
                throw unknown(candidate, "its id was refused as taken, yet no document with it can be read");
            }
            if (Documents.isReservation(same)) { // an earlier attempt landed
                Reservation landed = Documents.reservation(same);
                if (!landed.holdsRoom()) {
                    claims.remove(buckets, candidate.id()); // ended since: the claims just made are leftovers
                }
                return new BookingOutcome.Replayed(landed);
            }
            claims.remove(buckets, candidate.id()); // fenced: the committed tombstone makes it final
            throw new StoreUnavailableException("booking " + candidate.id() + " took too long and was abandoned; "
                    + "nothing was booked under that id, book again", null);
        }
        Document holder = candidate.idempotencyScope() == null ? null : docs.byIdempotencyScope(candidate.idempotencyScope());
        if (holder == null || !Documents.isReservation(holder)) {
            return giveUp(candidate, buckets, "booking " + candidate.id() + " was refused by a unique index for an "
                    + "unknown reason");
        }
        return abandon(candidate, buckets).orElse(new BookingOutcome.Replayed(Documents.reservation(holder)));
    }

    /**
     * Makes the candidate impossible (its own tombstone), then releases its claims. Returns the
     * candidate's own reservation instead when an earlier attempt of it already landed.
     */
    private Optional<BookingOutcome> abandon(Reservation candidate, List<String> buckets) {
        if (docs.insertTombstone(candidate.id(), candidate.roomId(), clock.instant()) == ReservationDocs.Insert.DUPLICATE_ID) {
            Document same = docs.byId(candidate.id());
            if (same == null) {
                throw unknown(candidate, "its id was refused as taken, yet no document with it can be read");
            }
            if (Documents.isReservation(same)) {
                return Optional.of(new BookingOutcome.Replayed(Documents.reservation(same)));
            }
        }
        claims.remove(buckets, candidate.id());
        return Optional.empty();
    }

    /** Ends the attempt as "nothing was booked", which the candidate's tombstone makes certain. */
    private BookingOutcome giveUp(Reservation candidate, List<String> buckets, String why) {
        return abandon(candidate, buckets).orElseThrow(() -> new StoreUnavailableException(why
                + "; nothing was booked, try again", null));
    }

    private static WriteOutcomeUnknownException unknown(Reservation candidate, String why) {
        return new WriteOutcomeUnknownException("could not tell whether reservation " + candidate.id() + " was stored: "
                + why + "; look it up by that id before booking again", null, candidate.id(), candidate.idempotencyKey());
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(2L << Math.min(round, 5), 50L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a concurrent booking", e);
        }
    }
}
