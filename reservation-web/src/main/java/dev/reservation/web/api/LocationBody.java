package dev.reservation.web.api;

/** The body of {@code POST /api/v1/locations} and {@code PUT /api/v1/locations/{id}}. Immutable, so thread-safe. */
public record LocationBody(String site, String building, String floor, String zone) {
}
