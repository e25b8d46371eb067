package dev.reservation.web.api;

/** The body of {@code POST /api/v1/users/{id}/password}. Immutable, so thread-safe. */
public record PasswordBody(String password) {
    /** Never prints the password. */
    @Override
    public String toString() {
        return "PasswordBody[hidden]";
    }
}
