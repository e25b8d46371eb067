package dev.reservation.web.api;

import dev.reservation.core.domain.User;

/** A user as the API shows it (never a password or hash: those are not on {@link User}). Immutable, so thread-safe. */
public record UserDto(String id, String name, String email, String role, boolean active) {
    public static UserDto of(User user) {
        return new UserDto(user.id(), user.name(), user.email(), user.role().name(), user.active());
    }
}
