package dev.reservation.core.domain;

/**
 * A write was sent but its outcome is unknown (a timeout or a broken connection after sending,
 * a write-concern timeout): it MAY have been applied. Never report this as a failure; resolve it
 * (re-read, or retry with the same idempotency key) before telling a person it did not happen.
 */
public final class WriteOutcomeUnknownException extends ReservationException {
    public WriteOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
