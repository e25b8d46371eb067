package dev.reservation.web.api;

/**
 * The body of {@code POST /api/v1/users}; role defaults to MEMBER. The password is set with a
 * second call ({@code POST /api/v1/users/{id}/password}), so each call is one write that either
 * happened or not. Immutable, so thread-safe.
 */
public record NewUserBody(String name, String email, String role) {
}
