package dev.reservation.core.domain;

/**
 * The one unchecked root of every failure this system reports. Frontends map its subclasses to
 * statuses and exit codes in one place; each subclass names exactly one failure.
 */
public abstract class ReservationException extends RuntimeException {
    protected ReservationException(String message) {
        super(message);
    }

    protected ReservationException(String message, Throwable cause) {
        super(message, cause);
    }
}
