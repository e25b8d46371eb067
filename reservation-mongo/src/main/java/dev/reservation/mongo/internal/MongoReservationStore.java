package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationNotFoundException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reservations in MongoDB, with no double booking across processes and WITHOUT multi-document
 * transactions (the embedded server has none). The booking protocol lives in {@link BookingProtocol};
 * this class holds the reads, the cancellation and the port's error translation.
 *
 * <p>Cancellation: a version CAS on the reservation document ({@code version == expected and
 * status in (CONFIRMED, PENDING)} → CANCELLED, version + 1), then its bucket claims are released.
 * Approval, check-in, decline, expiry and auto-release go through {@link #transition}, the same CAS. A crash
 * between the two leaves claims of a CANCELLED reservation; the next booking that meets one
 * removes it (see {@link BookingProtocol}), so a leftover claim costs one extra read, never a false conflict.
 *
 * <p>Read routing: {@code findById}, {@code findByIdempotencyKey} and every read inside booking or
 * cancelling decide writes, so they go to the primary with majority read concern. {@code find}
 * (list pages) goes to the primary too, unless secondary reads are configured; then it reads
 * {@code secondaryPreferred} with bounded staleness in a causally consistent session advanced to
 * this process's last write ({@link ReadYourWrites}). Thread-safe.
 */
public final class MongoReservationStore implements ReservationStore {
    private static final Logger LOG = LoggerFactory.getLogger(MongoReservationStore.class);

    private final MongoCollection<Document> reservations;
    private final MongoCollection<Document> listReads;
    private final RoomDayClaims claims;
    private final BookingProtocol booking;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    /**
     * @param reservations the collection with primary reads, majority read and write concern
     * @param listReads the same collection with the read preference for list pages
     * @param serverNow the database server's clock (judges the age of claims)
     * @param clock stamps tombstones for people to read
     */
    public MongoReservationStore(MongoCollection<Document> reservations, MongoCollection<Document> listReads,
                                 MongoCollection<Document> roomDays, BookingProtocol.Timing timing, ReadRouting routing,
                                 Supplier<Instant> serverNow, Clock clock) {
        this.reservations = reservations;
        this.listReads = listReads;
        this.claims = new RoomDayClaims(roomDays);
        this.readYourWrites = routing.readYourWrites();
        this.clock = clock;
        this.booking = new BookingProtocol(new ReservationDocs(reservations, readYourWrites), claims, timing, serverNow,
                clock);
    }

    @Override
    public BookingOutcome book(Reservation candidate) {
        return MongoFailures.write("booking reservation " + candidate.id(), () -> booking.book(candidate));
    }

    @Override
    public Optional<Reservation> findById(String id) {
        return MongoFailures.read("looking up reservation " + id, () -> Optional.ofNullable(
                reservations.find(Filters.eq(Documents.ID, id)).first()).filter(Documents::isReservation)
                .map(Documents::reservation));
    }

    @Override
    public Optional<Reservation> findByIdempotencyKey(String actorId, String key) {
        return MongoFailures.read("looking up idempotency key " + key, () -> Optional.ofNullable(
                reservations.find(Filters.eq(Documents.IDEMPOTENCY_SCOPE, Reservation.scope(actorId, key))).first())
                .filter(Documents::isReservation)
                .map(Documents::reservation));
    }

    @Override
    public Reservation cancel(String id, long expectedVersion, Instant at, String byUserId) {
        Reservation result = MongoFailures.write("cancelling reservation " + id, () -> {
            Bson filter = Filters.and(Filters.eq(Documents.ID, id), Filters.eq("version", expectedVersion),
                    Filters.in("status", Documents.HOLDING_STATUSES));
            Bson update = Updates.combine(Updates.set("status", ReservationStatus.CANCELLED.name()),
                    Updates.set("cancelledAt", Documents.date(at)), Updates.set("cancelledBy", byUserId),
                    Updates.inc("version", 1L));
            FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
            Document updated = readYourWrites.write(s -> reservations.findOneAndUpdate(s, filter, update, after),
                    () -> reservations.findOneAndUpdate(filter, update, after));
            if (updated != null) {
                return Documents.reservation(updated);
            }
            Document current = reservations.find(Filters.eq(Documents.ID, id)).first();
            if (current == null || !Documents.isReservation(current)) {
                throw new ReservationNotFoundException(id);
            }
            Reservation seen = Documents.reservation(current);
            if (seen.version() != expectedVersion) {
                throw new ConcurrentUpdateException("reservation " + id + " is at version " + seen.version()
                        + ", not " + expectedVersion);
            }
            // Committed: holding at the expected version, yet the update did not match the primary's
            // data: a change to it (our own earlier cancel, say) is applied but not committed yet.
            throw new WriteOutcomeUnknownException("reservation " + id + " has a change that is not yet confirmed by "
                    + "a majority of the replica set; look it up again before cancelling", null, id, null);
        });
        releaseClaims(result);
        return result;
    }

    /**
     * Approval, check-in or an ending, as one CAS on the reservation document: it matches only at
     * {@code current}'s version AND status. Approval (PENDING → CONFIRMED) and check-in leave the
     * claims untouched. A final status releases the claims only after the CAS was acknowledged
     * (w:majority: committed, and final), exactly as {@link #cancel} does. A CAS that did not match
     * is judged by a majority read, as cancel's: another version is a lost race; the same version and
     * status means a change to it is applied but not committed (ours, maybe): outcome unknown.
     */
    @Override
    public Reservation transition(Reservation current, Reservation next) {
        if (!current.canBecome(next)) {
            throw new IllegalArgumentException("reservation " + current.id() + " cannot become " + next.status()
                    + " at version " + next.version() + " from " + current.status() + " at " + current.version());
        }
        String id = current.id();
        Reservation result = MongoFailures.write("changing reservation " + id + " to " + next.status(), () -> {
            Bson filter = Filters.and(Filters.eq(Documents.ID, id), Filters.eq("version", current.version()),
                    Filters.eq("status", current.status().name()));
            List<Bson> sets = new ArrayList<>();
            sets.add(Updates.set("status", next.status().name()));
            sets.add(Updates.set("version", next.version()));
            setOrUnset(sets, "cancelledAt", Documents.date(next.cancelledAt()));
            setOrUnset(sets, "cancelledBy", next.cancelledBy());
            setOrUnset(sets, "checkedInAt", Documents.date(next.checkedInAt()));
            setOrUnset(sets, "approvedAt", Documents.date(next.approvedAt()));
            setOrUnset(sets, "approvedBy", next.approvedBy());
            setOrUnset(sets, "reason", next.reason());
            Bson update = Updates.combine(sets);
            FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
            Document updated = readYourWrites.write(s -> reservations.findOneAndUpdate(s, filter, update, after),
                    () -> reservations.findOneAndUpdate(filter, update, after));
            if (updated != null) {
                return Documents.reservation(updated);
            }
            Document seenDoc = reservations.find(Filters.eq(Documents.ID, id)).first();
            if (seenDoc == null || !Documents.isReservation(seenDoc)) {
                throw new ReservationNotFoundException(id);
            }
            Reservation seen = Documents.reservation(seenDoc);
            if (seen.version() != current.version() || seen.status() != current.status()) {
                throw new ConcurrentUpdateException("reservation " + id + " is at version " + seen.version() + " ("
                        + seen.status() + "), not " + current.version() + " (" + current.status() + ")");
            }
            throw new WriteOutcomeUnknownException("reservation " + id + " has a change that is not yet confirmed by "
                    + "a majority of the replica set; look it up again before changing it", null, id, null);
        });
        if (!result.holdsRoom()) {
            releaseClaims(result);
        }
        return result;
    }

    private static void setOrUnset(List<Bson> sets, String field, Object value) {
        sets.add(value == null ? Updates.unset(field) : Updates.set(field, value));
    }

    /**
     * The booking protocol's fence, for anyone who must know a booking's fate (quota give-backs): the
     * tombstone {@code {_id: id, status: ABANDONED}} is inserted; acknowledged, no reservation with that
     * id can ever be stored (its insert fails on the duplicate id and its booker reports "not booked").
     * A duplicate id without a write-concern error proves the document there is committed: the
     * reservation (returned) or an earlier tombstone (empty). Anything else is outcome unknown.
     */
    @Override
    public Optional<Reservation> settle(String id, String roomId) {
        return MongoFailures.write("settling reservation " + id, () -> {
            ReservationDocs docs = new ReservationDocs(reservations, readYourWrites);
            if (docs.insertTombstone(id, roomId, clock.instant()) == ReservationDocs.Insert.INSERTED) {
                return Optional.<Reservation>empty();
            }
            Document existing = docs.byId(id);
            if (existing == null) {
                throw new WriteOutcomeUnknownException("could not tell whether reservation " + id + " exists: its id "
                        + "was refused as taken, yet no document with it can be read", null, id, null);
            }
            return Documents.isReservation(existing) ? Optional.of(Documents.reservation(existing))
                    : Optional.<Reservation>empty();
        });
    }

    @Override
    public dev.reservation.core.store.UsageData usage(Instant from, Instant to) {
        return MongoFailures.read("aggregating usage", () -> UsageAggregation.run(listReads, from, to));
    }

    /**
     * Best effort, once a final status is committed: a claim left behind by a failure here
     * is removed by the next booking that meets it.
     */
    private void releaseClaims(Reservation cancelled) {
        try {
            claims.remove(RoomDayClaims.bucketIds(cancelled.roomId(), cancelled.slot()), cancelled.id());
        } catch (MongoException e) {
            LOG.warn("reservation {} is cancelled but its room-day claims were not released ({}); "
                    + "the next booking of that room and day repairs them", cancelled.id(), e.toString());
        }
    }

    /** See {@link ReservationFinds} for the filters: each one an index serves, whatever else is stored. */
    @Override
    public List<Reservation> find(ReservationQuery query) {
        Bson order = Sorts.ascending("start", Documents.ID);
        return MongoFailures.read("listing reservations", () -> readYourWrites.read(
                s -> find(query, filter -> listReads.find(s, filter), order),
                () -> find(query, listReads::find, order)));
    }

    private static List<Reservation> find(ReservationQuery query,
                                          Function<Bson, FindIterable<Document>> finder, Bson order) {
        List<Reservation> found = new ArrayList<>();
        for (Bson filter : ReservationFinds.filters(query)) {
            int left = query.limit() - found.size();
            if (left <= 0) {
                break;
            }
            finder.apply(filter).sort(order).limit(left).map(Documents::reservation).into(found);
        }
        return found;
    }
}
