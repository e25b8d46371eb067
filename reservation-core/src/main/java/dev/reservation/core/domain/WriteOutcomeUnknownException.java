package dev.reservation.core.domain;

import java.util.Optional;

/**
 * A write was sent but its outcome is unknown (a timeout or a broken connection after sending,
 * a write-concern timeout): it MAY have been applied. Never report this as a failure; resolve it
 * (re-read, or retry with the same idempotency key) before telling a person it did not happen.
 * When the write was a booking, {@link #reservationId()} names the reservation to look up and
 * {@link #idempotencyKey()} the key to retry with.
 */
public final class WriteOutcomeUnknownException extends ReservationException {
    private final String reservationId;
    private final String idempotencyKey;

    public WriteOutcomeUnknownException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    public WriteOutcomeUnknownException(String message, Throwable cause, String reservationId, String idempotencyKey) {
        super(message, cause);
        this.reservationId = reservationId;
        this.idempotencyKey = idempotencyKey;
    }

    public Optional<String> reservationId() {
        return Optional.ofNullable(reservationId);
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }
}
