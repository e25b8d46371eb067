package dev.reservation.core.store;

import dev.reservation.core.domain.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Forwards every call to another store; a test overrides the operation it wants to fail or watch
 * (an ambiguous write, an unavailable server). Shipped in the core's test-jar for every module.
 */
public class ForwardingReservationStore implements ReservationStore {
    private final ReservationStore delegate;

    public ForwardingReservationStore(ReservationStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public BookingOutcome book(Reservation candidate) {
        return delegate.book(candidate);
    }

    @Override
    public Optional<Reservation> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<Reservation> findByIdempotencyKey(String actorId, String key) {
        return delegate.findByIdempotencyKey(actorId, key);
    }

    @Override
    public Reservation cancel(String id, long expectedVersion, Instant at, String byUserId) {
        return delegate.cancel(id, expectedVersion, at, byUserId);
    }

    @Override
    public List<Reservation> find(ReservationQuery query) {
        return delegate.find(query);
    }

    @Override
    public Reservation transition(Reservation current, Reservation next) {
        return delegate.transition(current, next);
    }

    @Override
    public Optional<Reservation> settle(String id, String roomId) {
        return delegate.settle(id, roomId);
    }

    @Override
    public UsageData usage(Instant from, Instant to) {
        return delegate.usage(from, to);
    }

    @Override
    public java.util.Set<String> busyRooms(dev.reservation.core.domain.TimeSlot slot, java.util.Collection<String> roomIds) {
        return delegate.busyRooms(slot, roomIds);
    }
}
