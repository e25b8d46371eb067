package dev.reservation.core.domain;

/** An idempotency key came back with a different request than the one it first carried. */
public final class IdempotencyKeyReusedException extends ReservationException {
    private final Reservation original;

    public IdempotencyKeyReusedException(String key, Reservation original) {
        super("idempotency key " + key + " was already used for a different request (reservation "
                + original.id() + ")");
        this.original = original;
    }

    public Reservation original() {
        return original;
    }
}
