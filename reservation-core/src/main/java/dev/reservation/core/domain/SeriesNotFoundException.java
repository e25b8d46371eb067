package dev.reservation.core.domain;

public final class SeriesNotFoundException extends NotFoundException {
    public SeriesNotFoundException(String id) {
        super("no series " + id);
    }
}
