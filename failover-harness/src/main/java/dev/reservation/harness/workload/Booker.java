package dev.reservation.harness.workload;

import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.ReserveRequest;

/**
 * Books a room the way the application does (in a run: {@code ReservationService}, with its policy
 * checks and its retry of unknown outcomes), throwing the core's exceptions. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface Booker {
    BookingReceipt book(ReserveRequest request);
}
