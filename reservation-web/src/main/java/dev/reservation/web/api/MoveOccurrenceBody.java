package dev.reservation.web.api;

/**
 * The body of {@code POST /api/v1/series/{id}/occurrences/{day}/move}: the new {@code start} and
 * {@code end}, ISO-8601 instants or local date-times in the room's zone (as a single booking's).
 */
public record MoveOccurrenceBody(String start, String end) {
}
