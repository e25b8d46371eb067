package dev.reservation.web.booking;

import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import java.util.Optional;

/**
 * A booking whose outcome stayed unknown after the core's retries and a final read by idempotency
 * key: it MAY have been stored. Carries what a client needs to settle it: the key to retry with
 * and the reservation id that was tried. Never to be shown as "failed".
 * Immutable, so thread-safe.
 */
public final class UnresolvedBookingException extends ReservationException {
    private final String idempotencyKey;
    private final String reservationId;

    public UnresolvedBookingException(String idempotencyKey, String reservationId, WriteOutcomeUnknownException cause) {
        super("the booking may or may not have been stored: the database did not confirm it in time", cause);
        this.idempotencyKey = idempotencyKey;
        this.reservationId = reservationId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The id the booking was tried under, when the core named it. */
    public Optional<String> reservationId() {
        return Optional.ofNullable(reservationId);
    }
}
