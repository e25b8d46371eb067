package dev.reservation.core.domain;

/**
 * The store could not be reached or refused the operation before applying it: the write was
 * certainly NOT applied, so retrying it is safe.
 */
public final class StoreUnavailableException extends ReservationException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
