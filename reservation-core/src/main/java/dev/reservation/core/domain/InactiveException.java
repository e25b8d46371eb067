package dev.reservation.core.domain;

/** The user or room is deactivated: it keeps its history but takes no new reservations. */
public final class InactiveException extends InvalidInputException {
    public InactiveException(String field, String message) {
        super(field, message);
    }
}
