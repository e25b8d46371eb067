package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;

/**
 * Told by {@link dev.reservation.core.service.ReservationService} about a reservation once the
 * service knows the outcome of a change: after a booking was stored (or replayed: a retry of a
 * booking that did land), after a cancellation (or a repeated one). It may be told about the same
 * (id, version) more than once and must be idempotent. It must not throw: the change is already
 * committed, and whatever it fails to record the sweeper ({@link OutboxSweeper}) finds later.
 */
@FunctionalInterface
public interface ReservationChangeListener {
    ReservationChangeListener NONE = r -> { };

    void changed(Reservation reservation);

    /**
     * The same, when the caller knows better than {@link ChangeKind#of} what the change was (room
     * operations know an approval from any other change). The default ignores the kind.
     */
    default void changed(Reservation reservation, ChangeKind kind) {
        changed(reservation);
    }
}
