package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;
import java.time.Instant;
import java.util.List;

/**
 * Port: reservations by when they last changed, for the {@link OutboxSweeper}. A reservation
 * changed in {@code [from, to)} when its {@code createdAt} or its {@code cancelledAt} lies there
 * (the instants the service stamps on a booking and a cancellation). Only stored reservations
 * (CONFIRMED or CANCELLED), never a store's internal records. A store answers from an index, so a
 * window of recent changes costs what it holds, not the size of the collection. At most
 * {@code limit} results, in no particular order; a caller that gets {@code limit} splits the window.
 */
public interface ReservationChanges {
    List<Reservation> changedBetween(Instant from, Instant to, int limit);
}
