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

    /** For things other than a single reservation: {@code what} names it, e.g. "series". */
    public IdempotencyKeyReusedException(String key, String what, String originalId) {
        super("idempotency key " + key + " was already used for a different request (" + what + " " + originalId + ")");
        this.originalId = originalId;
    }

    public String originalId() {
        return originalId;
    }
}
