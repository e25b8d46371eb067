package dev.reservation.core.domain;

/** An idempotency key came back with a different request than the one it first carried. */
public final class IdempotencyKeyReusedException extends ReservationException {
    private final String originalId;

    /** Names only the first reservation's id: the key may have been someone else's, its details are not ours. */
    public IdempotencyKeyReusedException(String key, Reservation original) {
        super("idempotency key " + key + " was already used for a different request (reservation "
                + original.id() + ")");
        this.originalId = original.id();
    }

    public String originalId() {
        return originalId;
    }
}
