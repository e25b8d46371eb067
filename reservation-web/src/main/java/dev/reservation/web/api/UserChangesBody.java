package dev.reservation.web.api;

/** The body of {@code PUT /api/v1/users/{id}}: a field left out keeps its value. Immutable, so thread-safe. */
public record UserChangesBody(String name, String role) {
}
