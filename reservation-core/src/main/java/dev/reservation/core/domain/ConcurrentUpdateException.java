package dev.reservation.core.domain;

/** An optimistic update lost: the record changed since it was read (its version moved on). */
public final class ConcurrentUpdateException extends ReservationException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
