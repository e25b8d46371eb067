package dev.reservation.cli;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Forwards everything; tests override the operation they make fail. */
class DelegatingReservationStore implements ReservationStore {
    private final ReservationStore delegate;

    DelegatingReservationStore(ReservationStore delegate) {
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
    public Optional<Reservation> findByIdempotencyKey(String key) {
        return delegate.findByIdempotencyKey(key);
    }

    @Override
    public Reservation cancel(String id, long expectedVersion, Instant at, String byUserId) {
        return delegate.cancel(id, expectedVersion, at, byUserId);
    }

    @Override
    public List<Reservation> find(ReservationQuery query) {
        return delegate.find(query);
    }
}
