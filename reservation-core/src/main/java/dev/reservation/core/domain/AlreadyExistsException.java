package dev.reservation.core.domain;

/** A uniqueness rule would be broken: a second user with one email, a second room with one name. */
public final class AlreadyExistsException extends ReservationException {
    private final String field;

    public AlreadyExistsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
