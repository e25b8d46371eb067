package dev.reservation.cli;

import dev.reservation.core.domain.WriteOutcomeUnknownException;

/**
 * {@code reserve} could not learn whether its booking was stored. Carries the idempotency key the
 * booking was sent with, so the user can repeat the command safely: with the same key it returns
 * the reservation if it was stored and books once if it was not.
 */
public final class BookingOutcomeUnknownException extends RuntimeException {
    private final String idempotencyKey;

    public BookingOutcomeUnknownException(WriteOutcomeUnknownException cause, String idempotencyKey) {
        super(cause.getMessage(), cause);
        this.idempotencyKey = idempotencyKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
