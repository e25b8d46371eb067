package dev.reservation.core.domain;

public final class LocationNotFoundException extends NotFoundException {
    public LocationNotFoundException(String key) {
        super("no location " + key);
    }
}
