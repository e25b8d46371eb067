package dev.reservation.core.domain;

public final class ReservationNotFoundException extends NotFoundException {
    public ReservationNotFoundException(String key) {
        super("no reservation " + key);
    }
}
