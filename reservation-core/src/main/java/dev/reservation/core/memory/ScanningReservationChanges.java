package dev.reservation.core.memory;

import com.google.inject.Inject;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import java.time.Instant;
import java.util.List;

/**
 * Recent changes found by reading every reservation: right for the in-memory store (which keeps
 * everything in this process, so a crash takes the reservations with their missing outbox entries)
 * and for test stores; a database store has an indexed implementation. Thread-safe.
 */
public final class ScanningReservationChanges implements ReservationChanges {
    private final ReservationStore reservations;

    @Inject
    public ScanningReservationChanges(ReservationStore reservations) {
        this.reservations = reservations;
    }

    @Override
    public List<Reservation> changedBetween(Instant from, Instant to, int limit) {
        return reservations.find(ReservationQuery.all()).stream()
                .filter(r -> within(r.createdAt(), from, to) || within(r.cancelledAt(), from, to))
                .limit(limit).toList();
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }
}
