package dev.reservation.core.domain;

public final class UserNotFoundException extends NotFoundException {
    public UserNotFoundException(String key) {
        super("no user " + key);
    }
}
