package dev.reservation.web.api;

/**
 * The body of {@code POST /api/v1/reservations}. Instants arrive as strings so that a bad one gets
 * a message naming the field; unknown fields are refused by the mapper.
 * Immutable, so thread-safe.
 */
public record NewReservationBody(String roomId, String userId, String start, String end, String title,
                                 Integer attendees) {
}
