package dev.reservation.core.store;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import dev.reservation.core.domain.ReservationStatus;

/**
 * Port: where reservations live. The conflict rule is enforced HERE, atomically, so that a
 * database can hold it across processes: no two reservations of one room that hold it (PENDING or
 * CONFIRMED, {@link ReservationStatus#holdsRoom()}) ever overlap.
 * Implementations are thread-safe.
 *
 * <p>Failures: {@link dev.reservation.core.domain.StoreUnavailableException} means the operation
 * was certainly not applied; {@link dev.reservation.core.domain.WriteOutcomeUnknownException}
 * means a write may or may not have been applied.
 */
public interface ReservationStore {

    /**
     * Atomically: if a reservation with the candidate's id, or with its idempotency key from the
     * same creator ({@link Reservation#idempotencyScope()}), exists,
     * returns it as {@link BookingOutcome.Replayed} (so re-sending the same candidate after an
     * unknown outcome never books twice); else if confirmed reservations of the candidate's room
     * overlap its slot, returns them as {@link BookingOutcome.Conflict}; else stores the candidate
     * and returns {@link BookingOutcome.Booked}.
     *
     * @param candidate a CONFIRMED or PENDING reservation at version 0 with a fresh id; PENDING holds
     *        its slot exactly as CONFIRMED does (both conflict, both are refused over)
     */
    BookingOutcome book(Reservation candidate);

    Optional<Reservation> findById(String id);

    /** The reservation {@code actorId} booked with idempotency key {@code key}, if any. */
    Optional<Reservation> findByIdempotencyKey(String actorId, String key);

    /**
     * Marks the reservation cancelled if it is still at {@code expectedVersion}, atomically.
     *
     * @return the cancelled reservation (version + 1)
     * @throws dev.reservation.core.domain.ReservationNotFoundException when no such reservation exists
     * @throws dev.reservation.core.domain.ConcurrentUpdateException when its version is no longer {@code expectedVersion}
     */
    Reservation cancel(String id, long expectedVersion, Instant at, String byUserId);

    /** The reservations matching the query, ordered by start then id, at most {@code query.limit()}. */
    List<Reservation> find(ReservationQuery query);

    /**
     * Which of {@code roomIds} a reservation holding its room (PENDING or CONFIRMED) holds for any part of {@code slot}. This
     * default reads the confirmed reservations overlapping the slot in one query, and asks room by
     * room only if that query hit its limit; a store that can check a room directly overrides it
     * (the in-memory store does).
     */
    default Set<String> busyRooms(TimeSlot slot, Collection<String> roomIds) {
        Set<String> wanted = Set.copyOf(roomIds);
        List<Reservation> overlapping =
                find(ReservationQuery.all().holdingOnly().window(slot.start(), slot.end()));
        Set<String> busy = new HashSet<>();
        for (Reservation r : overlapping) {
            if (wanted.contains(r.roomId())) {
                busy.add(r.roomId());
            }
        }
        if (overlapping.size() == ReservationQuery.MAX_LIMIT) { // truncated: settle the rest one by one
            for (String roomId : wanted) {
                if (!busy.contains(roomId) && !find(ReservationQuery.all().room(roomId).holdingOnly()
                        .window(slot.start(), slot.end()).limit(1)).isEmpty()) {
                    busy.add(roomId);
                }
            }
        }
        return busy;
    }

    /**
     * One compare-and-set of a reservation: if it is still at {@code current}'s version and status,
     * it becomes {@code next} (one version later, {@link Reservation#canBecome}): an approval
     * (PENDING → CONFIRMED) or a check-in leaves its hold on the room as it is; a final status
     * (declined, expired, auto-released, cancelled) releases the room only once that status is stored.
     *
     * @return {@code next} as stored
     * @throws dev.reservation.core.domain.ReservationNotFoundException when no such reservation exists
     * @throws dev.reservation.core.domain.ConcurrentUpdateException when it is no longer at {@code current}'s version
     * @throws dev.reservation.core.domain.WriteOutcomeUnknownException when it cannot tell whether it applied it
     */
    default Reservation transition(Reservation current, Reservation next) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support transitions");
    }

    /**
     * Settles reservation {@code id}'s fate: the stored reservation, or empty only once no reservation
     * with that id can ever be stored (a booking of it still in flight, or whose outcome was unknown,
     * then fails). For giving back what was reserved for a booking whose outcome is unknown.
     */
    default Optional<Reservation> settle(String id) {
        return settle(id, null);
    }

    /**
     * {@link #settle(String)} for a booking of room {@code roomId} (null when unknown): a store that
     * places documents by room (a sharded cluster) fences the id where that booking would land.
     */
    default Optional<Reservation> settle(String id, String roomId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot settle a booking's fate");
    }

    /**
     * Usage aggregates of the reservations overlapping {@code [from, to)} (see {@link UsageData}).
     * This default pages through {@link #find}; stores override it with a query that aggregates
     * where the data is.
     */
    default UsageData usage(Instant from, Instant to) {
        Map<String, long[]> totals = new HashMap<>();
        Map<String, Long> hours = new HashMap<>();
        for (Reservation r : find(ReservationQuery.all().window(from, to))) {
            UsageData.add(totals, hours, r, from, to);
        }
        return UsageData.of(totals, hours);
    }
}
