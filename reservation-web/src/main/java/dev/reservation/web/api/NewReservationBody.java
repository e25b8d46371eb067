package dev.reservation.web.api;

/**
 * The body of {@code POST /api/v1/reservations}. {@code start} and {@code end} are ISO-8601
 * instants with an offset ({@code 2026-03-02T09:00:00Z}) or local date-times without one
 * ({@code 2026-03-02T10:00}), read in {@code zone} when given, else in the room's zone. They arrive
 * as strings so that a bad one gets a message naming the field; unknown fields are refused by the
 * mapper. Immutable, so thread-safe.
 */
public record NewReservationBody(String roomId, String userId, String start, String end, String zone, String title,
                                 Integer attendees) {
}
