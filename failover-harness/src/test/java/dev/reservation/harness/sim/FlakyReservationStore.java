package dev.reservation.harness.sim;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of a store behind a failing cluster: the in-memory store, plus a switch that makes
 * every call fail as unavailable while the "node" is down. The first booking after it comes back is
 * applied and then reported as outcome unknown, and so are the service's retries of it (an
 * acknowledgement lost with the connection, again and again), so the client sees {@code info}. With
 * {@code losesWrites}, bringing the node down also forgets the last acknowledged booking, as a
 * rollback would: the lost-write checker must catch that. Thread-safe.
 */
public final class FlakyReservationStore implements ReservationStore {
    private final InMemoryReservationStore delegate = new InMemoryReservationStore();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger ambiguousLeft = new AtomicInteger();
    private final boolean losesWrites;
    private volatile String lastBooked;

    public FlakyReservationStore(boolean losesWrites) {
        this.losesWrites = losesWrites;
    }

    public void down() {
        if (up.compareAndSet(true, false)) {
            ambiguousLeft.set(3);
            if (losesWrites && lastBooked != null) {
                forgotten.add(lastBooked);
            }
        }
    }

    public void up() {
        up.set(true);
    }

    public boolean isUp() {
        return up.get();
    }

    private void requireUp() {
        if (!up.get()) {
            throw new StoreUnavailableException("simulated: no primary", null);
        }
    }

    /** Keys of bookings whose answer was lost: looking them up keeps failing, so their outcome stays unknown. */
    private final java.util.Set<String> unanswered = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public BookingOutcome book(Reservation candidate) {
        requireUp();
        if (ambiguousLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            delegate.book(candidate);
            if (candidate.idempotencyKey() != null) {
                unanswered.add(candidate.idempotencyKey());
            }
            throw new WriteOutcomeUnknownException("simulated: connection lost after sending", null);
        }
        BookingOutcome outcome = delegate.book(candidate);
        if (outcome instanceof BookingOutcome.Booked booked) {
            lastBooked = booked.reservation().id();
        }
        return outcome;
    }

    @Override
    public Optional<Reservation> findById(String id) {
        requireUp();
        return delegate.findById(id).filter(r -> !forgotten.contains(r.id()));
    }

    @Override
    public Optional<Reservation> findByIdempotencyKey(String actorId, String key) {
        requireUp();
        if (unanswered.contains(key)) { // the request whose answer was lost cannot settle it by a look-up either
            throw new dev.reservation.core.domain.StoreUnavailableException("simulated: still unreachable", null);
        }
        return delegate.findByIdempotencyKey(actorId, key).filter(r -> !forgotten.contains(r.id()));
    }

    @Override
    public Reservation cancel(String id, long expectedVersion, Instant at, String byUserId) {
        requireUp();
        return delegate.cancel(id, expectedVersion, at, byUserId);
    }

    @Override
    public List<Reservation> find(ReservationQuery query) {
        requireUp();
        return delegate.find(query).stream().filter(r -> !forgotten.contains(r.id())).toList();
    }
}
