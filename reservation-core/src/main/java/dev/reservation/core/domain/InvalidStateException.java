package dev.reservation.core.domain;

/** An operation the reservation's current state does not allow (approving a confirmed one, checking in too early). */
public final class InvalidStateException extends InvalidInputException {
    public InvalidStateException(String field, String message) {
        super(field, message);
    }
}
