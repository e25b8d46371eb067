package dev.reservation.harness.workload;

import dev.reservation.core.domain.Reservation;

/**
 * Cancels a reservation the way the application does (in a run: {@code ReservationService.cancel} as
 * its owner, with the service's re-reads after an unknown outcome), throwing the core's exceptions.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Canceller {
    Reservation cancel(String userId, String reservationId);
}
