package dev.reservation.core.domain;

/** Something named by id, email or name does not exist. */
public abstract class NotFoundException extends ReservationException {
    protected NotFoundException(String message) {
        super(message);
    }
}
