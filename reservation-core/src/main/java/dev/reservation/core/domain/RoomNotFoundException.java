package dev.reservation.core.domain;

public final class RoomNotFoundException extends NotFoundException {
    public RoomNotFoundException(String key) {
        super("no room " + key);
    }
}
