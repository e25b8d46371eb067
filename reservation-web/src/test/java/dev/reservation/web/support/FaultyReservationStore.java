package dev.reservation.web.support;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.UsageData;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-memory store with faults tests switch on: unavailable, outcome unknown (after or without
 * applying the booking), or a booking that blocks until released. Thread-safe.
 */
public final class FaultyReservationStore implements ReservationStore {
    public enum Mode { NORMAL, UNAVAILABLE, UNKNOWN_AFTER_APPLYING, UNKNOWN_WITHOUT_APPLYING, BLOCK_BOOKINGS }

    private final InMemoryReservationStore delegate = new InMemoryReservationStore();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final CountDownLatch blockedOnce = new CountDownLatch(1);
    private volatile boolean failLookups;
    private volatile boolean bookingTried;
    private final AtomicLong keyLookups = new AtomicLong();

    /**
     * While set, reads by idempotency key fail as unavailable once a booking was tried: the read
     * that would settle an unknown outcome fails, the core's read before booking does not.
     */
    public void failLookups(boolean fail) {
        bookingTried = false;
        failLookups = fail;
    }

    /** Reads by idempotency key so far (each is a store round trip on a real store). */
    public long keyLookups() {
        return keyLookups.get();
    }

    public void mode(Mode m) {
        if (m == Mode.BLOCK_BOOKINGS) {
            release = new CountDownLatch(1);
        }
        mode.set(m);
    }

    public void releaseBlocked() {
        release.countDown();
    }

    public boolean awaitBlocked(long seconds) throws InterruptedException {
        return blockedOnce.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public BookingOutcome book(Reservation candidate) {
        bookingTried = true;
        switch (mode.get()) {
            case UNAVAILABLE -> throw new StoreUnavailableException("no primary (test)", null);
            case UNKNOWN_WITHOUT_APPLYING -> throw new WriteOutcomeUnknownException("timed out (test)", null);
            case UNKNOWN_AFTER_APPLYING -> {
                delegate.book(candidate);
                throw new WriteOutcomeUnknownException("write concern timeout (test)", null);
            }
            case BLOCK_BOOKINGS -> {
                blockedOnce.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> { }
        }
        return delegate.book(candidate);
    }

    @Override
    public Optional<Reservation> findById(String id) {
        unavailableCheck();
        return delegate.findById(id);
    }

    @Override
    public Optional<Reservation> findByIdempotencyKey(String actorId, String key) {
        keyLookups.incrementAndGet();
        unavailableCheck();
        if (failLookups && bookingTried) {
            throw new StoreUnavailableException("lookup failed (test)", null);
        }
        return delegate.findByIdempotencyKey(actorId, key);
    }

    @Override
    public Reservation cancel(String id, long expectedVersion, Instant at, String byUserId) {
        unavailableCheck();
        return delegate.cancel(id, expectedVersion, at, byUserId);
    }

    @Override
    public List<Reservation> find(ReservationQuery query) {
        unavailableCheck();
        return delegate.find(query);
    }

    @Override
    public Reservation transition(Reservation current, Reservation next) {
        unavailableCheck();
        return delegate.transition(current, next);
    }

    @Override
    public Optional<Reservation> settle(String id, String roomId) {
        unavailableCheck();
        return delegate.settle(id, roomId);
    }

    @Override
    public UsageData usage(Instant from, Instant to) {
        unavailableCheck();
        return delegate.usage(from, to);
    }

    private void unavailableCheck() {
        if (mode.get() == Mode.UNAVAILABLE) {
            throw new StoreUnavailableException("no primary (test)", null);
        }
    }
}
